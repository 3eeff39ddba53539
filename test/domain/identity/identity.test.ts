import { describe, expect, test } from "vitest";
import {
  displayName,
  type IdentityInput,
  identityFrom,
  partnerKinds,
} from "../../../src/domain/index.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import { covenantCommandOf, expectRefused, ORG, region } from "../fixtures.js";

// One member organisation of every partner kind in the catalogue, beside the region's own.
const orgOfKind = (kind: string) => `org-kind-${kind}`;
const covenant = region([
  ...partnerKinds.map((kind) =>
    covenantCommandOf({
      type: "AdmitMember",
      member: {
        organisationId: orgOfKind(kind.id),
        name: kind.label.nl,
        partnerKind: kind.id,
        privacyOfficer: { name: "FG", email: "fg@example.org" },
      },
    }),
  ),
  covenantCommandOf({ type: "WithdrawMember", organisationId: orgOfKind("school-po") }),
]);
const from = (organisationId: string) => ({ covenant, organisationId });

const DAAN: IdentityInput = { givenNames: "Daan", surname: "Jansen", dateOfBirth: "2012-03-14" };
const BSN = "111222333";

describe("who may send a BSN", () => {
  // Issue 11's list, written out here rather than read from BSN_KINDS, so the test holds the rule.
  const mayUseBsn = [
    ...["school-po", "school-vo", "mbo", "leerplicht", "politie"],
    ...["wijkteam", "jeugdhulp", "veilig-thuis"],
  ];
  const kinds = partnerKinds.map((kind) => [kind.id, mayUseBsn.includes(kind.id)] as const);

  test.each(kinds)(
    "given a %s member, when it sends a BSN, then it is accepted: %s",
    (kind, accepted) => {
      const send = () => identityFrom({ ...DAAN, bsn: BSN }, from(orgOfKind(kind)));
      if (accepted) expect(send().bsn).toBe(BSN);
      else expectRefused(send, "invalid", "bsn-partner-kind", kind);
    },
  );

  test("given a kind that may not, then it is refused for its kind before the number is read", () => {
    expectRefused(
      () => identityFrom({ ...DAAN, bsn: "not a number" }, from(ORG.jongerenwerk)),
      "invalid",
      "bsn-partner-kind",
      "jongerenwerk",
    );
  });

  test("given the same member without a BSN, then its identity is accepted", () => {
    expect(identityFrom(DAAN, from(ORG.jongerenwerk))).toEqual(DAAN);
  });

  test("given a sender that is no member (a built-in name too), then a BSN is refused", () => {
    for (const organisationId of ["org-elsewhere", ...BUILTIN_NAMES]) {
      expectRefused(
        () => identityFrom({ ...DAAN, bsn: BSN }, from(organisationId)),
        "invalid",
        "bsn-partner-kind",
        null,
      );
    }
  });

  test("given a school that may, when the number fails its checks, then the check is named", () => {
    expectRefused(
      () => identityFrom({ ...DAAN, bsn: "111222334" }, from(ORG.school)),
      "invalid",
      "bsn-elfproef",
    );
    expectRefused(
      () => identityFrom({ ...DAAN, bsn: "000000000" }, from(ORG.school)),
      "invalid",
      "bsn-stand-in",
    );
  });
});

describe("checking an identity", () => {
  test("given every field, then they come back trimmed and the BSN as its nine digits", () => {
    const identity = identityFrom(
      {
        givenNames: " Daan Pieter ",
        tussenvoegsel: "van der ",
        surname: "Berg",
        dateOfBirth: "2012-03-14",
        bsn: "1112.22.333",
        schoolId: ORG.school,
      },
      from(ORG.police),
    );
    expect(identity).toEqual({
      givenNames: "Daan Pieter",
      tussenvoegsel: "van der",
      surname: "Berg",
      dateOfBirth: "2012-03-14",
      bsn: BSN,
      schoolId: ORG.school,
    });
    expect(displayName(identity)).toBe("Daan Pieter van der Berg");
  });

  test("given blank or null optional fields, then they are left out", () => {
    const identity = identityFrom(
      { ...DAAN, tussenvoegsel: " ", bsn: "", schoolId: null },
      from(ORG.school),
    );
    expect(identity).toEqual(DAAN);
  });

  test("given a name part without a letter, then the part is named", () => {
    const cases: [IdentityInput, string][] = [
      [{ ...DAAN, givenNames: " " }, "subject-given-names"],
      [{ ...DAAN, givenNames: "..." }, "subject-given-names"],
      [{ ...DAAN, surname: undefined }, "subject-surname"],
      [{ ...DAAN, surname: 42 }, "subject-surname"],
      [{ ...DAAN, tussenvoegsel: "-" }, "subject-tussenvoegsel"],
    ];
    for (const [input, rule] of cases) {
      expectRefused(() => identityFrom(input, from(ORG.school)), "invalid", rule);
    }
  });

  test("given a date of birth that is no calendar date, then it is refused", () => {
    for (const dateOfBirth of ["2012-02-30", "14-03-2012", "2012-3-14", "", undefined]) {
      expectRefused(
        () => identityFrom({ ...DAAN, dateOfBirth }, from(ORG.school)),
        "invalid",
        "subject-date-of-birth",
      );
    }
  });

  test("given a school that is no school member now, then it is refused without naming it", () => {
    for (const schoolId of [
      ORG.police,
      orgOfKind("school-po"),
      "org-elsewhere",
      ...BUILTIN_NAMES,
      7,
    ]) {
      expectRefused(
        () => identityFrom({ ...DAAN, schoolId }, from(ORG.police)),
        "invalid",
        "subject-school",
        null,
      );
    }
    expect(identityFrom({ ...DAAN, schoolId: orgOfKind("mbo") }, from(ORG.police)).schoolId).toBe(
      orgOfKind("mbo"),
    );
  });
});
