import { describe, expect, test } from "vitest";
import type {
  CaseCommand,
  CorrectShare,
  DeclineInvitation,
  LeaveCase,
  RecordConsent,
  RevokeShare,
} from "../../../src/domain/index.js";
import {
  actor,
  after,
  caseWithPartners,
  command,
  contextWith,
  covenantCommandOf,
  expectRefused,
  given,
  ORG,
  region,
} from "../fixtures.js";
import { share } from "./shares.js";

// Rule 1, for writes: an organisation withdrawn from the covenant has lost the case at once,
// so nothing it asks for in the case is done (the API answers 404, as for an unknown case).

const shared = () => after(caseWithPartners(), share());
const withdrawn = (organisationId: string) =>
  contextWith(region([covenantCommandOf({ type: "WithdrawMember", organisationId })]));

const commandsOfParticipants: [string, CaseCommand][] = [
  [ORG.wijkteam, command<LeaveCase>({ type: "LeaveCase", actor: actor(ORG.wijkteam) })],
  [
    ORG.school,
    command<RevokeShare>({ type: "RevokeShare", actor: actor(ORG.school), shareId: "share-1" }),
  ],
  [
    ORG.school,
    command<CorrectShare>({
      type: "CorrectShare",
      actor: actor(ORG.school),
      shareId: "share-1",
      content: "Correctie",
      reason: "Verkeerde dag",
    }),
  ],
  [
    ORG.police,
    command<RecordConsent>({
      type: "RecordConsent",
      actor: actor(ORG.police),
      consentId: "consent-1",
      giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
      method: "form",
      evidenceReference: "Toestemmingsformulier 2025-17",
      scope: {
        dataCategories: ["school"],
        recipientOrganisationIds: [ORG.wijkteam],
        purposeId: "veiligheid-school",
      },
      givenOn: "2025-03-01",
    }),
  ],
  [
    ORG.leerplicht,
    command<DeclineInvitation>({ type: "DeclineInvitation", actor: actor(ORG.leerplicht) }),
  ],
];

describe("an organisation withdrawn from the covenant", () => {
  for (const [organisationId, cmd] of commandsOfParticipants) {
    test(`may ${cmd.type} while a member, and not once withdrawn`, () => {
      expect(given(shared()).when(cmd).length).toBeGreaterThan(0);
      expectRefused(
        () => given(shared(), withdrawn(organisationId)).when(cmd),
        "organisation_not_permitted",
        "covenant-member",
        organisationId,
      );
    });
  }

  test("does not stop other members' work in the case", () => {
    const leave = command<LeaveCase>({ type: "LeaveCase", actor: actor(ORG.police) });
    expect(given(shared(), withdrawn(ORG.wijkteam)).when(leave)).toHaveLength(1);
  });
});
