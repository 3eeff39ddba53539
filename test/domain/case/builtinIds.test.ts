import { describe, expect, test } from "vitest";
import type {
  AssignRegie,
  CancelAgreement,
  CaseCommand,
  CaseEvent,
  CloseCase,
  CompleteAgreement,
  CorrectShare,
  InvitePartner,
  MakeAgreement,
  RecordConsent,
  RecordMeeting,
  RemovePartner,
  RevokeShare,
  ScheduleMeeting,
  WithdrawConsent,
} from "../../../src/domain/index.js";
import {
  after,
  CONTACT,
  caseEvent,
  caseWithPartners,
  command,
  contextWith,
  covenantCommandOf,
  expectRefused,
  fold,
  given,
  left,
  ORG,
  region,
} from "../fixtures.js";
import { school, share } from "./shares.js";

// An id named like a member of Object.prototype is an unknown id: never found, never "taken".

const NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

const consent = (consentId: string, purposeId = "zorg-jeugdige") =>
  command<RecordConsent>({
    type: "RecordConsent",
    actor: school,
    consentId,
    giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
    method: "form",
    evidenceReference: "Toestemmingsformulier 2025-17",
    scope: { dataCategories: ["school"], recipientOrganisationIds: [ORG.wijkteam], purposeId },
    givenOn: "2025-03-04",
  });
const schedule = (meetingId: string) =>
  command<ScheduleMeeting>({
    type: "ScheduleMeeting",
    meetingId,
    scheduledFor: "2025-04-01T10:00:00Z",
    agenda: "Overleg",
  });
const agree = (agreementId: string, meetingId: string | null = null) =>
  command<MakeAgreement>({
    type: "MakeAgreement",
    agreementId,
    what: "Huisbezoek",
    ownerOrganisationId: ORG.wijkteam,
    owner: CONTACT,
    dueDate: "2025-05-01",
    meetingId,
  });

/** A share as recorded once, for a purpose the covenant has no retention term for. */
const sharedFor = (purposeId: string): CaseEvent => {
  const { shareId, recipients, dataCategories, legalBasisId, necessity, content } = share();
  return caseEvent("InformationShared", {
    shareId,
    sharedBy: ORG.school,
    recipients,
    dataCategories,
    legalBasisId,
    purposeId,
    necessity,
    content,
    expiresAt: null,
    decisionReference: null,
    weightyPublicInterest: null,
    competentAuthorityAgreement: null,
    consentIds: [],
    sharedAt: "2025-03-04T10:00:00.000Z",
  });
};

const close = () =>
  command<CloseCase>({ type: "CloseCase", outcome: "resolved", reason: "Hulp loopt" });

/** One of everything, under ordinary ids. */
const populated = () =>
  after(caseWithPartners(), share(), consent("c-1"), schedule("m-1"), agree("a-1"));

describe.each(NAMES)("case ids named %s", (name) => {
  test("when a share names it as purpose, then the share is refused: no such covenant purpose", () => {
    expectRefused(
      () => given(caseWithPartners()).when(share({ purposeId: name })),
      "share_refused",
      "covenant-purpose",
      name,
    );
  });

  test("when consent names it as purpose, then the consent is refused: no such covenant purpose", () => {
    expectRefused(
      () => given(caseWithPartners()).when(consent("c-1", name)),
      "consent_refused",
      "consent-purpose",
      name,
    );
  });

  test("given a share recorded for it, when the case closes, then it is refused for want of a term", () => {
    const events = [...caseWithPartners(), sharedFor(name)];
    expectRefused(() => given(events).when(close()), "conflict", "retention-set", name);
  });

  test("given the covenant adds it as a purpose with a term, then a share for it is lawful and sets retention", () => {
    const covenant = region([
      covenantCommandOf({ type: "AddPurpose", purposeId: name, description: "Een doel" }),
      covenantCommandOf({ type: "SetRetention", purposeId: name, yearsAfterClosure: 2 }),
    ]);
    const context = contextWith(covenant);
    const shared = given(caseWithPartners(), context).when(share({ purposeId: name }));
    const events = [...caseWithPartners(), ...shared];
    const [closed] = given(events, context).when(close());
    expect(closed?.type === "CaseClosed" && closed.data.retentionUntil).toBe(
      "2027-03-10T10:00:00.000Z",
    );
  });

  test("when an item is referred to by it, then it is refused as an unknown item", () => {
    const refusals: [CaseCommand, string][] = [
      [command<RevokeShare>({ type: "RevokeShare", actor: school, shareId: name }), "share-exists"],
      [
        command<CorrectShare>({
          type: "CorrectShare",
          actor: school,
          shareId: name,
          content: "Nieuw",
          reason: "Fout",
        }),
        "share-exists",
      ],
      [
        command<WithdrawConsent>({ type: "WithdrawConsent", actor: school, consentId: name }),
        "consent-exists",
      ],
      [
        command<RecordMeeting>({
          type: "RecordMeeting",
          meetingId: name,
          heldAt: "2025-04-01T10:00:00Z",
          attendees: [],
          minutes: "Besproken",
          decisions: [],
        }),
        "meeting-exists",
      ],
      [
        command<CompleteAgreement>({ type: "CompleteAgreement", agreementId: name }),
        "agreement-exists",
      ],
      [
        command<CancelAgreement>({ type: "CancelAgreement", agreementId: name, reason: "Klaar" }),
        "agreement-exists",
      ],
      [agree("a-2", name), "meeting-exists"],
    ];
    for (const [refused, rule] of refusals) {
      expectRefused(() => given(populated()).when(refused), "not_found", rule, name);
    }
  });

  test("when a new item takes it as its id, then it is no duplicate, and stored as its own entry", () => {
    const state = fold(
      after(
        populated(),
        share({ shareId: name }),
        consent(name),
        schedule(name),
        agree(name, name),
      ),
    );
    for (const items of [state.shares, state.consents, state.meetings, state.agreements]) {
      expect(Object.getPrototypeOf(items)).toBe(Object.prototype);
      expect(Object.keys(items)).toHaveLength(2);
      expect(Object.hasOwn(items, name)).toBe(true);
    }
  });

  test("when the chair acts on it as a participant, then it is not found, as any unknown organisation", () => {
    const when = (refused: CaseCommand) => () => given(caseWithPartners()).when(refused);
    const organisationId = name;
    expectRefused(
      when(command<RemovePartner>({ type: "RemovePartner", organisationId })),
      "not_found",
      "participant-exists",
      name,
    );
    expectRefused(
      when(command<AssignRegie>({ type: "AssignRegie", organisationId })),
      "not_found",
      "participant-exists",
      name,
    );
    expectRefused(
      when(command<InvitePartner>({ type: "InvitePartner", organisationId, message: "Welkom" })),
      "not_found",
      "member-exists",
      name,
    );
  });

  test("given a departure recorded for it, then evolve keeps a whole participant record", () => {
    const state = fold([...caseWithPartners(), left(name)]);
    expect(Object.getOwnPropertyDescriptor(state.participants, name)?.value).toMatchObject({
      organisationId: name,
      status: "left",
      contact: null,
    });
    expect(Object.getPrototypeOf(state.participants)).toBe(Object.prototype);
  });
});
