import { describe, expect, test } from "vitest";
import type {
  CaseEvent,
  CloseCase,
  ExtendRetention,
  ReopenCase,
} from "../../../src/domain/index.js";
import {
  actor,
  after,
  CASE_ID,
  caseEvent,
  caseWithPartners,
  closed,
  command,
  contextWith,
  expectRefused,
  fold,
  foldCovenant,
  given,
  NOW,
  ORG,
  regionCommands,
} from "../fixtures.js";
import { share } from "./shares.js";

const close = (fields: Partial<CloseCase> = {}) =>
  command<CloseCase>({
    type: "CloseCase",
    outcome: "referred",
    reason: "Doorverwezen naar jeugdhulp",
    ...fields,
  });

describe("CloseCase", () => {
  test("without shares, retention is the covenant's longest term (20 years for care)", () => {
    expect(given(caseWithPartners()).when(close())).toEqual([
      caseEvent("CaseClosed", {
        outcome: "referred",
        reason: "Doorverwezen naar jeugdhulp",
        closedAt: NOW,
        retentionUntil: "2045-03-10T10:00:00.000Z",
      }),
    ]);
  });
  test("with shares, retention follows the purposes they served (5 years for school safety)", () => {
    const events = after(caseWithPartners(), share());
    const [event] = given(events).when(close());
    expect(event?.type === "CaseClosed" && event.data.retentionUntil).toBe(
      "2030-03-10T10:00:00.000Z",
    );
  });
  test("a purpose without retention blocks closure", () => {
    const withoutRetention = foldCovenant(
      regionCommands().filter((c) => c.type !== "SetRetention"),
    );
    expectRefused(
      () => given(caseWithPartners(), contextWith(withoutRetention)).when(close()),
      "conflict",
      "retention-set",
    );
  });
  test("open agreements are settled first", () => {
    const agreement: CaseEvent = caseEvent("AgreementMade", {
      agreementId: "a-1",
      what: "Huisbezoek",
      ownerOrganisationId: ORG.wijkteam,
      dueDate: "2025-03-24",
      meetingId: null,
      madeAt: NOW,
    });
    expectRefused(
      () => given([...caseWithPartners(), agreement]).when(close()),
      "conflict",
      "open-agreements",
      "a-1",
    );
  });
  test("only the chair closes, with a known outcome and a reason", () => {
    expectRefused(
      () => given(caseWithPartners()).when(close({ actor: actor(ORG.school) })),
      "organisation_not_permitted",
      "chair-only",
    );
    expectRefused(
      () => given(caseWithPartners()).when(close({ outcome: "weg" as never })),
      "invalid",
      "case-outcome",
      "weg",
    );
    expectRefused(
      () => given(caseWithPartners()).when(close({ reason: "" })),
      "invalid",
      "close-reason",
    );
  });
  test("a closed case is not closed again", () => {
    expectRefused(
      () => given([...caseWithPartners(), closed()]).when(close()),
      "conflict",
      "case-open",
      CASE_ID,
    );
  });
});

describe("ReopenCase", () => {
  const reopen = (fields: Partial<ReopenCase> = {}) =>
    command<ReopenCase>({ type: "ReopenCase", reason: "Nieuw incident", ...fields });
  test("the chair reopens a closed case, which clears its retention", () => {
    const events = given([...caseWithPartners(), closed()]).when(reopen());
    expect(events).toEqual([
      caseEvent("CaseReopened", { reason: "Nieuw incident", reopenedAt: NOW }),
    ]);
    const state = fold([...caseWithPartners(), closed(), ...events]);
    expect(state.status).toBe("open");
    expect(state.retentionUntil).toBeNull();
  });
  test("an open case cannot be reopened; a reason is required", () => {
    expectRefused(() => given(caseWithPartners()).when(reopen()), "conflict", "case-closed");
    expectRefused(
      () => given([...caseWithPartners(), closed()]).when(reopen({ reason: "" })),
      "invalid",
      "reopen-reason",
    );
  });
});

describe("ExtendRetention", () => {
  const extend = (fields: Partial<ExtendRetention> = {}) =>
    command<ExtendRetention>({
      type: "ExtendRetention",
      retentionUntil: "2032-03-05T09:00:00.000Z",
      reason: "Lopende procedure bij de rechtbank",
      ...fields,
    });
  test("the chair or the covenant's privacy officer extends it with a reason", () => {
    const expected = [
      caseEvent("RetentionExtended", {
        retentionUntil: "2032-03-05T09:00:00.000Z",
        reason: "Lopende procedure bij de rechtbank",
        extendedAt: NOW,
      }),
    ];
    expect(given([...caseWithPartners(), closed()]).when(extend())).toEqual(expected);
    expect(
      given([...caseWithPartners(), closed()]).when(
        extend({ actor: actor(ORG.chair, "privacy-officer") }),
      ),
    ).toEqual(expected);
  });
  test("refused without a reason, for an earlier date, on an open case, or by others", () => {
    const isClosed = [...caseWithPartners(), closed()];
    expectRefused(
      () => given(isClosed).when(extend({ reason: " " })),
      "invalid",
      "retention-reason",
    );
    expectRefused(
      () => given(isClosed).when(extend({ retentionUntil: "2029-01-01T00:00:00.000Z" })),
      "invalid",
      "retention-later",
    );
    expectRefused(() => given(caseWithPartners()).when(extend()), "conflict", "case-closed");
    expectRefused(
      () => given(isClosed).when(extend({ actor: actor(ORG.school, "privacy-officer") })),
      "organisation_not_permitted",
      "chair-or-privacy-officer",
      ORG.school,
    );
  });
});

describe("a case whose young person was erased", () => {
  const erased = contextWith(undefined, undefined, true);
  test("closes without recording the reason: no personal text is kept about them", () => {
    expect(given(caseWithPartners(), erased).when(close())).toEqual([
      caseEvent("CaseClosed", {
        outcome: "referred",
        reason: null,
        closedAt: NOW,
        retentionUntil: "2045-03-10T10:00:00.000Z",
      }),
    ]);
  });
  test("accepts nothing new about them: a share is refused as subject-erased", () => {
    expectRefused(
      () => given(caseWithPartners(), erased).when(share()),
      "conflict",
      "subject-erased",
      CASE_ID,
    );
  });
});
