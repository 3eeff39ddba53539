import { describe, expect, test } from "vitest";
import type { CaseEvent, ShareSignal } from "../../../src/domain/index.js";
import {
  actor,
  after,
  caseWithPartners,
  command,
  expectRefused,
  given,
  NECESSITY,
  ORG,
} from "../fixtures.js";
import { raiseSignal } from "./signals.js";

// Rule 2: only the raiser and the chair read a signal's description; the raiser shares it
// with others in one step, through the same checks as any share.

const DESCRIPTION = "Vertelde de mentor dat hij thuis wordt geslagen.";
const withSignal = (): CaseEvent[] =>
  after(
    caseWithPartners(),
    raiseSignal({ signalId: "sig-2", actor: actor(ORG.police), description: DESCRIPTION }),
  );

const shareSignal = (fields: Partial<ShareSignal> = {}) =>
  command<ShareSignal>({
    type: "ShareSignal",
    actor: actor(ORG.police),
    signalId: "sig-2",
    shareId: "share-1",
    recipients: [ORG.wijkteam],
    dataCategories: ["politiegegevens"],
    legalBasisId: "wpg-20",
    purposeId: "veiligheid-school",
    necessity: NECESSITY,
    decisionReference: "ZVH-besluit 2024/17",
    weightyPublicInterest: "Voorkomen van ernstige strafbare feiten tegen de jeugdige",
    ...fields,
  });

describe("ShareSignal", () => {
  test("the raiser's share carries the signal's description as its content, to the recipients it names", () => {
    const [event] = given(withSignal()).when(shareSignal());
    expect(event).toMatchObject({
      type: "InformationShared",
      data: {
        shareId: "share-1",
        sharedBy: ORG.police,
        recipients: [ORG.wijkteam],
        dataCategories: ["politiegegevens"],
        legalBasisId: "wpg-20",
        content: DESCRIPTION,
      },
    });
  });

  test("only the organisation that raised the signal shares it; the chair and other participants do not", () => {
    for (const sharer of [actor(ORG.school), actor(ORG.chair, "chair")]) {
      expectRefused(
        () => given(withSignal()).when(shareSignal({ actor: sharer })),
        "organisation_not_permitted",
        "signal-raiser-only",
        sharer.organisationId,
      );
    }
  });

  test("every share rule applies: a basis that does not fit the data is refused", () => {
    expectRefused(
      () =>
        given(withSignal()).when(
          shareSignal({ dataCategories: ["gezondheid"], legalBasisId: "avg-6-1-e-publieke-taak" }),
        ),
      "share_refused",
      "basis-sharer-kind",
    );
  });

  test("a recipient that is not a participant is refused", () => {
    expectRefused(
      () => given(withSignal()).when(shareSignal({ recipients: [ORG.jongerenwerk] })),
      "share_refused",
      "recipient-participant",
      ORG.jongerenwerk,
    );
  });

  test("an unknown signal is not found", () => {
    expectRefused(
      () => given(withSignal()).when(shareSignal({ signalId: "sig-9" })),
      "not_found",
      "signal-exists",
      "sig-9",
    );
  });
});
