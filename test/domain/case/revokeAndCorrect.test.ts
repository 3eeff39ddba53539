import { describe, expect, test } from "vitest";
import type { CaseEvent, CorrectShare, RevokeShare } from "../../../src/domain/index.js";
import {
  actor,
  after,
  caseEvent,
  caseWithPartners,
  closed,
  command,
  expectRefused,
  fold,
  given,
  NOW,
  ORG,
} from "../fixtures.js";
import { school, share } from "./shares.js";

const sharedEvents = (): CaseEvent[] => {
  const events = caseWithPartners();
  const shareToTwo = share({ recipients: [ORG.wijkteam, ORG.police] });
  return after(events, shareToTwo);
};

const revoke = (fields: Partial<RevokeShare> = {}) =>
  command<RevokeShare>({ type: "RevokeShare", actor: school, shareId: "share-1", ...fields });
const correct = (fields: Partial<CorrectShare> = {}) =>
  command<CorrectShare>({
    type: "CorrectShare",
    actor: school,
    shareId: "share-1",
    content: "Correctie: Sam is op dinsdagen afwezig, niet op maandagen.",
    reason: "Verkeerde dag genoemd",
    ...fields,
  });

describe("RevokeShare", () => {
  test("the sharer revokes its share", () => {
    const events = given(sharedEvents()).when(revoke());
    expect(events).toEqual([caseEvent("ShareRevoked", { shareId: "share-1", revokedAt: NOW })]);
    expect(fold([...sharedEvents(), ...events]).shares["share-1"]?.revokedAt).toBe(NOW);
  });
  test("only the sharer revokes; a recipient cannot", () => {
    expectRefused(
      () => given(sharedEvents()).when(revoke({ actor: actor(ORG.wijkteam) })),
      "organisation_not_permitted",
      "sharer-only",
      ORG.wijkteam,
    );
  });
  test("a revoked share is not revoked again; an unknown one is not found", () => {
    const revoked = after(sharedEvents(), revoke());
    expectRefused(() => given(revoked).when(revoke()), "conflict", "share-revoked", "share-1");
    expectRefused(
      () => given(sharedEvents()).when(revoke({ shareId: "share-9" })),
      "not_found",
      "share-exists",
      "share-9",
    );
  });
  test("the sharer can still revoke after the case closed", () => {
    expect(given([...sharedEvents(), closed()]).when(revoke())).toHaveLength(1);
  });
});

describe("CorrectShare", () => {
  test("the correction reaches exactly the original recipients", () => {
    const events = given(sharedEvents()).when(correct());
    expect(events).toEqual([
      caseEvent("ShareCorrected", {
        shareId: "share-1",
        recipients: [ORG.wijkteam, ORG.police],
        content: correct().content,
        reason: "Verkeerde dag genoemd",
        correctedAt: NOW,
      }),
    ]);
  });
  test("recipients that joined after the share do not receive the correction", () => {
    const later = [
      ...sharedEvents(),
      caseEvent("PartnerJoined", {
        organisationId: ORG.leerplicht,
        contact: { name: "x", function: "y", reach: "z" },
        joinedAt: NOW,
      }) as CaseEvent,
    ];
    const [event] = given(later).when(correct());
    expect(event?.type === "ShareCorrected" && event.data.recipients).toEqual([
      ORG.wijkteam,
      ORG.police,
    ]);
  });
  test("only the sharer corrects, with content and a reason, and not a revoked share", () => {
    expectRefused(
      () => given(sharedEvents()).when(correct({ actor: actor(ORG.police) })),
      "organisation_not_permitted",
      "sharer-only",
      ORG.police,
    );
    expectRefused(
      () => given(sharedEvents()).when(correct({ reason: "" })),
      "invalid",
      "correction-reason",
    );
    expectRefused(
      () => given(sharedEvents()).when(correct({ content: "" })),
      "invalid",
      "share-content",
    );
    const revoked = after(sharedEvents(), revoke());
    expectRefused(() => given(revoked).when(correct()), "conflict", "share-revoked");
  });
  test("a share id is used once", () => {
    expectRefused(
      () => given(sharedEvents()).when(share()),
      "conflict",
      "share-id-taken",
      "share-1",
    );
  });
});
