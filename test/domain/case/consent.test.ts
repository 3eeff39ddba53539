import { afterAll, describe, expect, test } from "vitest";
import {
  type CaseEvent,
  ConsentRefused,
  ERASED,
  type RecordConsent,
  requiredConsentGivers,
  type ShareRule,
  type WithdrawConsent,
} from "../../../src/domain/index.js";
import {
  actor,
  after,
  caseEvent,
  caseWithPartners,
  closed,
  command,
  eventData,
  expectRefused,
  given,
  NOW,
  ORG,
  opened,
  SUBJECT,
} from "../fixtures.js";
import { school, share } from "./shares.js";

const consentShare = () =>
  share({
    legalBasisId: "avg-9-2-a-uitdrukkelijke-toestemming",
    dataCategories: ["gezondheid"],
    recipients: [ORG.wijkteam],
  });

const consent = (
  consentId: string,
  givenBy: "subject" | "parent",
  fields: Record<string, unknown> = {},
): CaseEvent => ({
  type: "ConsentRecorded",
  data: eventData({
    consentId,
    givenBy,
    scope: {
      dataCategories: ["gezondheid", "signaal"],
      recipientOrganisationIds: [ORG.wijkteam, ORG.jeugdhulp],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-04",
    expiresAt: null,
    recordedBy: ORG.school,
    recordedAt: "2025-03-04T10:00:00.000Z",
    ...fields,
  }) as never,
});

/** A case about a young person born on this date, with the partners joined. */
const caseOf = (dateOfBirth: string, ...events: CaseEvent[]) => [
  opened({ ...SUBJECT, dateOfBirth }),
  ...caseWithPartners().slice(1),
  ...events,
];

const covered = new Set<ShareRule>();
const refused = (events: CaseEvent[], rule: ShareRule, value?: string | null) => {
  covered.add(rule);
  return expectRefused(() => given(events).when(consentShare()), "share_refused", rule, value);
};

describe("who must consent, by age on the share date", () => {
  test.each([
    [11, ["parent"]],
    [12, ["subject", "parent"]],
    [15, ["subject", "parent"]],
    [16, ["subject"]],
  ])("age %i: %j", (age, givers) => {
    expect(requiredConsentGivers(age)).toEqual(givers);
  });

  test("under 12: the parents' consent suffices", () => {
    const [event] = given(caseOf("2014-06-01", consent("c-parent", "parent"))).when(consentShare());
    expect(event?.type === "InformationShared" && event.data.consentIds).toEqual(["c-parent"]);
  });
  test("12 to 15: the young person and the parents", () => {
    const events = caseOf("2011-01-15", consent("c-sub", "subject"), consent("c-parent", "parent"));
    const [event] = given(events).when(consentShare());
    expect(event?.type === "InformationShared" && event.data.consentIds).toEqual([
      "c-sub",
      "c-parent",
    ]);
  });
  test("16 on the share date itself: the young person alone", () => {
    const [event] = given(caseOf("2009-03-10", consent("c-sub", "subject"))).when(consentShare());
    expect(event?.type === "InformationShared" && event.data.consentIds).toEqual(["c-sub"]);
  });
  test("the share ends when the consent it relies on ends", () => {
    const expiring = consent("c-sub", "subject", { expiresAt: "2025-06-01T00:00:00.000Z" });
    const [event] = given(caseOf("2008-01-01", expiring)).when(consentShare());
    expect(event?.type === "InformationShared" && event.data.expiresAt).toBe(
      "2025-06-01T00:00:00.000Z",
    );
  });
});

describe("a consent-based share is refused", () => {
  test("consent-age-known: the date of birth was erased", () => {
    refused(
      caseOf(ERASED, consent("c-sub", "subject"), consent("c-parent", "parent")),
      "consent-age-known",
      null,
    );
  });
  test("consent-subject: 14 years old and only the parents consented", () => {
    refused(caseOf("2011-01-15", consent("c-parent", "parent")), "consent-subject", "subject");
  });
  test("consent-subject: 15 and a day before turning 16", () => {
    refused(caseOf("2009-03-11", consent("c-parent", "parent")), "consent-subject", "subject");
  });
  test("consent-parents: 14 years old and only the young person consented", () => {
    refused(caseOf("2011-01-15", consent("c-sub", "subject")), "consent-parents", "parent");
  });
  test("consent-parents: 11 years old and only the child consented", () => {
    refused(caseOf("2014-01-01", consent("c-sub", "subject")), "consent-parents", "parent");
  });
  const withdrawn: CaseEvent = caseEvent("ConsentWithdrawn", {
    consentId: "c-sub",
    withdrawnAt: "2025-03-05T00:00:00.000Z",
  });
  test.each<[string, CaseEvent[]]>([
    ["withdrawn", [consent("c-sub", "subject"), withdrawn]],
    ["expired", [consent("c-sub", "subject", { expiresAt: "2025-03-10T09:59:59.000Z" })]],
    ["given after the share date", [consent("c-sub", "subject", { givenOn: "2025-03-11" })]],
    [
      "for another purpose",
      [
        consent("c-sub", "subject", {
          scope: {
            dataCategories: ["gezondheid"],
            recipientOrganisationIds: [ORG.wijkteam],
            purposeId: "zorg-jeugdige",
          },
        }),
      ],
    ],
    [
      "not covering the category",
      [
        consent("c-sub", "subject", {
          scope: {
            dataCategories: ["signaal"],
            recipientOrganisationIds: [ORG.wijkteam],
            purposeId: "veiligheid-school",
          },
        }),
      ],
    ],
    [
      "not covering the recipient",
      [
        consent("c-sub", "subject", {
          scope: {
            dataCategories: ["gezondheid"],
            recipientOrganisationIds: [ORG.jeugdhulp],
            purposeId: "veiligheid-school",
          },
        }),
      ],
    ],
  ])("consent-subject: the young person's consent is %s", (_label, events) => {
    refused(caseOf("2008-01-01", ...events), "consent-subject", "subject");
  });
});

afterAll(() => {
  expect([...covered].sort()).toEqual(["consent-age-known", "consent-parents", "consent-subject"]);
});

const record = (fields: Partial<RecordConsent> = {}) =>
  command<RecordConsent>({
    type: "RecordConsent",
    actor: school,
    consentId: "c-new",
    giver: { role: "subject" },
    method: "verbal",
    evidenceReference: "Gespreksverslag 2025-03-01",
    scope: {
      dataCategories: ["gezondheid"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-10",
    expiresAt: "2026-03-10T00:00:00.000Z",
    ...fields,
  });

describe("RecordConsent and WithdrawConsent", () => {
  test("a participant records the young person's consent", () => {
    expect(given(caseWithPartners()).when(record())).toEqual([
      caseEvent("ConsentRecorded", {
        consentId: "c-new",
        givenBy: "subject",
        giver: { role: "subject", name: null, parentalAuthority: null },
        method: "verbal",
        evidenceReference: "Gespreksverslag 2025-03-01",
        scope: record().scope,
        givenOn: "2025-03-10",
        expiresAt: "2026-03-10T00:00:00.000Z",
        recordedBy: ORG.school,
        recordedByUserId: school.userId,
        recordedAt: NOW,
      }),
    ]);
  });
  test("refused from an organisation that is not a participant", () => {
    expectRefused(
      () => given(caseWithPartners()).when(record({ actor: actor(ORG.leerplicht) })),
      "organisation_not_permitted",
      "participant-only",
      ORG.leerplicht,
    );
  });
  test("refused for a purpose outside the covenant", () => {
    const scope = { ...record().scope, purposeId: "reclame" };
    expectRefused(
      () => given(caseWithPartners()).when(record({ scope })),
      "consent_refused",
      "consent-purpose",
      "reclame",
    );
  });
  test("refused for an unknown data category", () => {
    const scope = { ...record().scope, dataCategories: ["hobby"] };
    expectRefused(
      () => given(caseWithPartners()).when(record({ scope })),
      "consent_refused",
      "consent-data-categories",
      "hobby",
    );
  });
  test("refused without recipients", () => {
    const scope = { ...record().scope, recipientOrganisationIds: [] };
    expectRefused(
      () => given(caseWithPartners()).when(record({ scope })),
      "consent_refused",
      "consent-recipients",
    );
  });
  test("refused when given in the future or already expired", () => {
    expectRefused(
      () => given(caseWithPartners()).when(record({ givenOn: "2025-03-11" })),
      "consent_refused",
      "consent-given-on",
      "2025-03-11",
    );
    expectRefused(
      () => given(caseWithPartners()).when(record({ expiresAt: "2025-03-01T00:00:00.000Z" })),
      "consent_refused",
      "consent-expiry",
    );
  });
  test("a record that breaks several rules is refused with every one of them, each explained", () => {
    const scope = { dataCategories: ["hobby"], recipientOrganisationIds: [], purposeId: "reclame" };
    let refusal: unknown;
    try {
      given(caseWithPartners()).when(record({ scope, givenOn: "2025-03-11" }));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConsentRefused);
    const { violations } = refusal as ConsentRefused;
    expect(violations.map((v) => [v.rule, v.value])).toEqual([
      ["consent-purpose", "reclame"],
      ["consent-data-categories", "hobby"],
      ["consent-recipients", null],
      ["consent-given-on", "2025-03-11"],
    ]);
    for (const violation of violations) {
      expect(violation.explanation).toMatch(/^[A-Z].+\.$/);
      expect(violation.remedy).toMatch(/^[A-Z].+\.$/);
    }
  });
  test("refused on a closed case", () => {
    expectRefused(
      () => given([...caseWithPartners(), closed()]).when(record()),
      "conflict",
      "case-open",
    );
  });

  const withdraw = (fields: Partial<WithdrawConsent> = {}) =>
    command<WithdrawConsent>({
      type: "WithdrawConsent",
      actor: school,
      consentId: "c-sub",
      ...fields,
    });
  test("consent is withdrawn, also after the case closed", () => {
    expect(
      given([...caseWithPartners(), consent("c-sub", "subject"), closed()]).when(withdraw()),
    ).toEqual([caseEvent("ConsentWithdrawn", { consentId: "c-sub", withdrawnAt: NOW })]);
  });
  test("withdrawing twice or an unknown consent is refused", () => {
    const events = [...caseWithPartners(), consent("c-sub", "subject")];
    const once = after(events, withdraw());
    expectRefused(() => given(once).when(withdraw()), "conflict", "consent-withdrawn", "c-sub");
    expectRefused(
      () => given(events).when(withdraw({ consentId: "c-x" })),
      "not_found",
      "consent-exists",
      "c-x",
    );
  });
});
