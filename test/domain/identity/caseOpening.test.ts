import { describe, expect, test } from "vitest";
import type { Subject } from "../../../src/domain/index.js";
import { raiseSignal } from "../case/signals.js";
import { actor, expectRefused, fold, given, ORG, opened, SUBJECT } from "../fixtures.js";

// A case opened with the young person's identity in parts keeps it, checked, for matching.
const IN_PARTS: Subject = {
  ...SUBJECT,
  givenNames: " Sam ",
  tussenvoegsel: "de",
  surname: "Vries",
  bsn: "1112.22.333",
  schoolId: ORG.school,
};

describe("opening a case with an identity in parts", () => {
  test("given a school, when it opens a case with a BSN, then the checked identity is recorded", () => {
    const [caseOpened] = given([]).when(raiseSignal({ subject: IN_PARTS }));
    expect(caseOpened?.type === "CaseOpened" && caseOpened.data.subject).toEqual({
      ...SUBJECT,
      givenNames: "Sam",
      tussenvoegsel: "de",
      surname: "Vries",
      bsn: "111222333",
      schoolId: ORG.school,
    });
  });

  test("given jongerenwerk, when it opens a case with a BSN, then it is refused for its kind", () => {
    expectRefused(
      () =>
        given([]).when(
          raiseSignal({
            actor: actor(ORG.jongerenwerk),
            subject: IN_PARTS,
          }),
        ),
      "invalid",
      "bsn-partner-kind",
      "jongerenwerk",
    );
  });

  test("given an identity in parts, when a part is wrong, then the part is named", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ subject: { ...IN_PARTS, surname: " " } })),
      "invalid",
      "subject-surname",
    );
  });

  test("given a subject in one name field, as before issue 11, then it is recorded as it was", () => {
    const [caseOpened] = given([]).when(raiseSignal({ subject: SUBJECT }));
    expect(caseOpened?.type === "CaseOpened" && caseOpened.data.subject).toEqual(SUBJECT);
  });

  test("cases opened before and after issue 11 both fold, each with its subject", () => {
    expect(fold([opened()]).subject).toEqual(SUBJECT);
    const inParts = { ...SUBJECT, givenNames: "Sam", surname: "Vries", bsn: "111222333" };
    expect(fold([opened(inParts)]).subject).toEqual(inParts);
  });
});
