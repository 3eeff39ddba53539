import { describe, expect, test } from "vitest";
import {
  type ApplyRetention,
  decideSubject,
  type EraseSubject,
  evolveSubject,
  initialSubjectState,
  personalFields,
  type SubjectEvent,
} from "../../../src/domain/index.js";
import { actor, expectRefused, ORG, region } from "../fixtures.js";

const NOW = "2031-01-01T00:00:00.000Z";
const context = { covenant: region() };
const given = (events: SubjectEvent[]) => ({
  when: (command: EraseSubject | ApplyRetention) =>
    decideSubject(command, events.reduce(evolveSubject, initialSubjectState), context),
});
const officer = actor(ORG.chair, "privacy-officer");
const erase = (fields: Partial<EraseSubject> = {}): EraseSubject => ({
  type: "EraseSubject",
  actor: officer,
  now: NOW,
  subjectId: "subj-1",
  caseIds: ["case-1"],
  reason: "data-subject-request",
  ...fields,
});
const retention = (fields: Partial<ApplyRetention> = {}): ApplyRetention => ({
  type: "ApplyRetention",
  now: NOW,
  subjectId: "subj-1",
  caseIds: ["case-1", "case-2"],
  retentionUntil: "2030-03-05T09:00:00.000Z",
  ...fields,
});

describe("EraseSubject", () => {
  test("the covenant's privacy officer erases with a reason; the event holds no personal data", () => {
    const events = given([]).when(erase());
    expect(events).toEqual([
      {
        type: "SubjectErased",
        data: {
          subjectId: "subj-1",
          caseIds: ["case-1"],
          reason: "data-subject-request",
          erasedAt: NOW,
          erasedBy: { userId: officer.userId, organisationId: ORG.chair },
        },
      },
    ]);
    expect(personalFields.SubjectErased).toEqual([]);
  });
  test("a member organisation's privacy officer or a chair may not", () => {
    expectRefused(
      () => given([]).when(erase({ actor: actor(ORG.school, "privacy-officer") })),
      "organisation_not_permitted",
      "covenant-privacy-officer",
      ORG.school,
    );
    expectRefused(
      () => given([]).when(erase({ actor: actor(ORG.chair, "chair") })),
      "not_permitted",
      "covenant-privacy-officer",
    );
  });
  test("a reason code is required and erasure happens once", () => {
    expectRefused(
      () => given([]).when(erase({ reason: "" as never })),
      "invalid",
      "erasure-reason",
    );
    const done = given([]).when(erase());
    expectRefused(() => given(done).when(erase()), "conflict", "already-erased", "subj-1");
  });
});

describe("ApplyRetention (the retention job)", () => {
  test("erases with reason 'retention' and the case ids once retention has ended", () => {
    expect(given([]).when(retention())).toEqual([
      {
        type: "SubjectErased",
        data: {
          subjectId: "subj-1",
          caseIds: ["case-1", "case-2"],
          reason: "retention",
          erasedAt: NOW,
          erasedBy: null,
        },
      },
    ]);
  });
  test("refused before the retention has ended", () => {
    expectRefused(
      () => given([]).when(retention({ retentionUntil: "2031-06-01T00:00:00.000Z" })),
      "conflict",
      "retention-ended",
    );
  });
});
