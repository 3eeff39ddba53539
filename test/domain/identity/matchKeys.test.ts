import { describe, expect, test } from "vitest";
import {
  ERASED,
  type Identity,
  identityOfSubject,
  MATCH_STRENGTH,
  matchKeysOf,
} from "../../../src/domain/index.js";

const DAAN: Identity = { givenNames: "Daan", surname: "Jansen", dateOfBirth: "2012-03-14" };
const kinds = (identity: Identity) => matchKeysOf(identity).map((key) => key.kind);

describe("the keys a young person is found by", () => {
  test("given a BSN, then it is a key of its own, beside the name keys", () => {
    expect(matchKeysOf({ ...DAAN, bsn: "111222333" })).toEqual([
      { kind: "bsn", parts: ["111222333"] },
      { kind: "name-dob", parts: ["daan", "", "jansen", "2012-03-14"] },
      { kind: "surname-dob", parts: ["jansen", "2012-03-14"] },
    ]);
  });

  test("only the BSN and the full name with birth date link; the surname with birth date suggests", () => {
    expect(MATCH_STRENGTH).toEqual({ bsn: "strong", "name-dob": "strong", "surname-dob": "weak" });
  });

  test("given initials for given names, then no strong name key: J. Jansen may be either twin", () => {
    for (const givenNames of ["J.", "J", "Jan P.", "J.P."]) {
      expect(kinds({ ...DAAN, givenNames })).toEqual(["surname-dob"]);
    }
  });

  test("given 1 January, the stand-in for an unknown birth date, then no strong name key", () => {
    expect(kinds({ ...DAAN, dateOfBirth: "2009-01-01" })).toEqual(["surname-dob"]);
    expect(kinds({ ...DAAN, dateOfBirth: "2009-01-01", bsn: "111222333" })).toEqual([
      "bsn",
      "surname-dob",
    ]);
  });

  test("given a name typed for one nobody knows, then nothing is matched on it", () => {
    for (const givenNames of ["NN", "onbekend", "Unknown"]) {
      expect(kinds({ ...DAAN, givenNames })).toEqual(["surname-dob"]);
    }
    for (const surname of ["N.N.", "Onbekend", "onb."]) {
      expect(kinds({ ...DAAN, surname })).toEqual([]);
    }
  });
});

describe("subjects already recorded", () => {
  const recorded = { name: "Daan van der Berg", dateOfBirth: "2012-03-14", school: "Het Baken" };

  test("given one name field (before issue 11), then the last word and its tussenvoegsel are the surname", () => {
    expect(identityOfSubject(recorded)).toEqual({
      givenNames: "Daan",
      surname: "van der Berg",
      dateOfBirth: "2012-03-14",
    });
    expect(identityOfSubject({ ...recorded, name: "Anna Sophie 't Hart" })).toMatchObject({
      givenNames: "Anna Sophie",
      surname: "'t Hart",
    });
  });

  test("given a one-word name, then it is a surname only, found by the weak key alone", () => {
    const identity = identityOfSubject({ ...recorded, name: "Jansen" })!;
    expect(identity).toMatchObject({ givenNames: "", surname: "Jansen" });
    expect(kinds(identity)).toEqual(["surname-dob"]);
  });

  test("a recorded subject meets the same young person sent in parts", () => {
    const sent: Identity = {
      givenNames: "daan",
      tussenvoegsel: "Van der",
      surname: "Berg",
      dateOfBirth: "2012-03-14",
    };
    expect(matchKeysOf(identityOfSubject(recorded)!)).toEqual(matchKeysOf(sent));
  });

  test("given a subject recorded in parts, then its parts are used, not its display name", () => {
    const subject = {
      ...recorded,
      name: "Daan P. van der Berg",
      givenNames: "Daan Pieter",
      tussenvoegsel: "van der",
      surname: "Berg",
      bsn: "111222333",
      schoolId: "org-school",
    };
    expect(identityOfSubject(subject)).toEqual({
      givenNames: "Daan Pieter",
      tussenvoegsel: "van der",
      surname: "Berg",
      dateOfBirth: "2012-03-14",
      bsn: "111222333",
      schoolId: "org-school",
    });
  });

  test("given an erased subject, then there is nothing to match on", () => {
    expect(
      identityOfSubject({ name: ERASED, dateOfBirth: ERASED, school: ERASED, surname: ERASED }),
    ).toBeUndefined();
  });
});
