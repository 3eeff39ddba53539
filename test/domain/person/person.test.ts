import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  decidePerson,
  evolvePerson,
  initialPersonState,
  type MergeSubjects,
  type PersonEvent,
  PersonLinks,
  type UndoMerge,
} from "../../../src/domain/index.js";
import { BUILT_IN_NAMES } from "../../api/support/hostile.js";
import { actor, chair, expectRefused, ORG, region } from "../fixtures.js";

const NOW = "2026-01-05T09:00:00.000Z";
const context = { covenant: region() };
const given = (events: PersonEvent[]) => ({
  when: (command: MergeSubjects | UndoMerge) =>
    decidePerson(command, events.reduce(evolvePerson, initialPersonState), context),
});
const merge = (fields: Partial<MergeSubjects> = {}): MergeSubjects => ({
  type: "MergeSubjects",
  actor: chair,
  now: NOW,
  mergeId: "merge-1",
  covenantId: "cov-regio",
  linked: [
    { subject: "subj-a", caseId: "case-a" },
    { subject: "subj-b", caseId: "case-b" },
  ],
  erased: [],
  reason: "same-name-and-birth-date",
  ...fields,
});
const undo = (fields: Partial<UndoMerge> = {}): UndoMerge => ({
  type: "UndoMerge",
  actor: chair,
  now: NOW,
  mergeId: "merge-1",
  covenantId: "cov-regio",
  reason: "different-young-persons",
  ...fields,
});
const merged = (mergeId: string, a: string, b: string): PersonEvent =>
  given([]).when(
    merge({
      mergeId,
      linked: [
        { subject: a, caseId: `case-${a}` },
        { subject: b, caseId: `case-${b}` },
      ],
    }),
  )[0]!;

describe("MergeSubjects", () => {
  test("given two records, when the chair merges them with a reason, then SubjectsMerged holds ids and codes only", () => {
    expect(given([]).when(merge())).toEqual([
      {
        type: "SubjectsMerged",
        data: {
          mergeId: "merge-1",
          covenantId: "cov-regio",
          linked: [
            { subject: "subj-a", caseId: "case-a" },
            { subject: "subj-b", caseId: "case-b" },
          ],
          reason: "same-name-and-birth-date",
          mergedAt: NOW,
          mergedBy: { userId: chair.userId, organisationId: ORG.chair },
        },
      },
    ]);
  });

  test("the covenant privacy officer may merge too; a professional of the chair, or a chair elsewhere, may not", () => {
    expect(given([]).when(merge({ actor: actor(ORG.chair, "privacy-officer") }))).toHaveLength(1);
    expectRefused(
      () => given([]).when(merge({ actor: actor(ORG.chair, "professional") })),
      "not_permitted",
      "chair-or-privacy-officer",
    );
    expectRefused(
      () => given([]).when(merge({ actor: actor(ORG.school, "chair") })),
      "organisation_not_permitted",
      "chair-or-privacy-officer",
    );
  });

  test("given a and b merged and b and c merged, when a and c are merged, then it is refused: they are one person already", () => {
    expectRefused(
      () =>
        given([merged("m1", "subj-a", "subj-b"), merged("m2", "subj-b", "subj-c")]).when(
          merge({
            mergeId: "m3",
            linked: [
              { subject: "subj-c", caseId: "case-c" },
              { subject: "subj-a", caseId: "case-a" },
            ],
          }),
        ),
      "conflict",
      "same-person",
    );
  });

  test("an erased record, a free-text reason or a record merged with itself is refused", () => {
    expectRefused(
      () => given([]).when(merge({ erased: ["subj-b"] })),
      "conflict",
      "subject-erased",
    );
    expectRefused(
      () => given([]).when(merge({ reason: "Daan is dezelfde" as never })),
      "invalid",
      "merge-reason",
    );
    const self = merge({
      linked: [
        { subject: "subj-a", caseId: "case-a" },
        { subject: "subj-a", caseId: "case-a2" },
      ],
    });
    expectRefused(() => given([]).when(self), "conflict", "same-person");
  });
});

describe("UndoMerge", () => {
  test("given a merge, when the chair undoes it with a reason, then the records are separate again", () => {
    const history = [merged("merge-1", "subj-a", "subj-b")];
    const events = given(history).when(undo());
    expect(events).toEqual([
      {
        type: "SubjectsMergeUndone",
        data: {
          mergeId: "merge-1",
          covenantId: "cov-regio",
          reason: "different-young-persons",
          undoneAt: NOW,
          undoneBy: { userId: chair.userId, organisationId: ORG.chair },
        },
      },
    ]);
    const state = [...history, ...events].reduce(evolvePerson, initialPersonState);
    expect(state.links.personOf("subj-a")).toEqual(["subj-a"]);
  });

  test("an unknown merge is not found; an undone merge cannot be undone twice", () => {
    expectRefused(() => given([]).when(undo()), "not_found", "merge-exists");
    const history = [merged("merge-1", "subj-a", "subj-b")];
    const undone = given(history).when(undo());
    expectRefused(() => given([...history, ...undone]).when(undo()), "conflict", "merge-undone");
  });
});

describe("a young person is the records linked by merges not undone", () => {
  test("property: built-in property names as ids are only ids, in merges and lookups alike", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILT_IN_NAMES),
        fc.constantFrom(...BUILT_IN_NAMES),
        (a, b) => {
          const links = new PersonLinks();
          expect(links.personOf(a)).toEqual([a]);
          expect(links.find(a)).toBeUndefined();
          links.merge(b, [a, `${b}-other`]);
          expect(links.personOf(a)).toEqual([a, `${b}-other`]);
          links.undo(b);
          expect(links.personOf(`${b}-other`)).toEqual([`${b}-other`]);
        },
      ),
    );
  });

  test("property: the person of any record equals the connected records of the merges not undone", () => {
    const subject = fc.constantFrom<string>("s0", "s1", "s2", "s3", "s4", "s5");
    const step = fc.oneof(
      fc.record({ kind: fc.constant("merge" as const), a: subject, b: subject }),
      fc.record({ kind: fc.constant("undo" as const), at: fc.nat(20) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), subject, (steps, probe) => {
        const links = new PersonLinks();
        const edges: { a: string; b: string; undone: boolean }[] = [];
        for (const step of steps) {
          if (step.kind === "merge") {
            links.merge(`m${edges.length}`, [step.a, step.b]);
            edges.push({ a: step.a, b: step.b, undone: false });
          } else if (step.at < edges.length) {
            links.undo(`m${step.at}`);
            edges[step.at]!.undone = true;
          }
        }
        const expected = new Set([probe]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const { a, b, undone } of edges) {
            if (undone || expected.has(a) === expected.has(b)) continue;
            expected.add(expected.has(a) ? b : a);
            grew = true;
          }
        }
        expect(new Set(links.personOf(probe))).toEqual(expected);
      }),
    );
  });
});
