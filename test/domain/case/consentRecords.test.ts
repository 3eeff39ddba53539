import { describe, expect, test } from "vitest";
import type {
  CaseEvent,
  ConsentRefused,
  RecordConsent,
  WithdrawConsent,
} from "../../../src/domain/index.js";
import {
  actor,
  caseEvent,
  caseWithPartners,
  chair,
  command,
  eventData,
  expectRefused,
  fold,
  given,
  after as historyAfter,
  NOW,
  ORG,
  opened,
  SUBJECT,
} from "../fixtures.js";
import { school, share } from "./shares.js";

// Consent records a privacy officer can rely on: who gave it, how, the evidence, and only
// the organisation that obtained it records and withdraws it.

const mother = { role: "parent" as const, name: "Els de Vries", parentalAuthority: true };
const record = (fields: Partial<RecordConsent> = {}) =>
  command<RecordConsent>({
    type: "RecordConsent",
    actor: school,
    consentId: "c-1",
    giver: mother,
    method: "form",
    evidenceReference: "Toestemmingsformulier 2025-17, leerlingdossier",
    scope: {
      dataCategories: ["gezondheid", "signaal"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-04",
    ...fields,
  });
const refusedRules = (fields: Partial<RecordConsent>) =>
  expectRefused(
    () => given(caseWithPartners()).when(record(fields)),
    "consent_refused",
    "consent-given-by",
  );

describe("RecordConsent names who gave it, how, and the evidence", () => {
  test("given a case, when the school records a mother's consent on a form, then giver, authority, method, evidence and recorder are kept", () => {
    const [event] = given(caseWithPartners()).when(record());
    expect(event).toEqual(
      caseEvent("ConsentRecorded", {
        consentId: "c-1",
        givenBy: "parent",
        giver: mother,
        method: "form",
        evidenceReference: "Toestemmingsformulier 2025-17, leerlingdossier",
        scope: record().scope,
        givenOn: "2025-03-04",
        expiresAt: null,
        recordedBy: ORG.school,
        recordedByUserId: school.userId,
        recordedAt: NOW,
      }),
    );
  });
  test.each([
    [
      "a guardian",
      { role: "guardian" as const, name: "Jan Smit", parentalAuthority: true },
      "parent",
    ],
    [
      "the young person",
      { role: "subject" as const, name: "ignored", parentalAuthority: true },
      "subject",
    ],
  ])(
    "given a case, when %s gives consent, then it counts for the %s age band",
    (_who, giver, band) => {
      const [event] = given(caseWithPartners()).when(record({ giver }));
      expect(event?.data).toMatchObject({ givenBy: band, giver: { role: giver.role } });
      if (giver.role === "subject")
        expect(event?.data).toMatchObject({ giver: { name: null, parentalAuthority: null } });
    },
  );
  test("given a parent's consent, when the name, the authority, the method or the evidence is missing, then each broken rule is listed", () => {
    const error = expectRefused(
      () =>
        given(caseWithPartners()).when(
          record({
            giver: { role: "parent", name: " " },
            method: "email" as never,
            evidenceReference: "",
          }),
        ),
      "consent_refused",
      "consent-giver-name",
    );
    expect((error as ConsentRefused).violations.map((v) => v.rule)).toEqual([
      "consent-giver-name",
      "consent-parental-authority",
      "consent-method",
      "consent-evidence",
    ]);
  });
  test("given a case, when the giver's role is unknown, then consent-given-by", () => {
    refusedRules({ giver: { role: "buurman" as never } });
  });
});

describe("only the organisation that obtained a consent withdraws it", () => {
  const withdraw = (fields: Partial<WithdrawConsent> = {}) =>
    command<WithdrawConsent>({
      type: "WithdrawConsent",
      actor: school,
      consentId: "c-1",
      ...fields,
    });
  const recorded = () => historyAfter(caseWithPartners(), record());
  test("given the school's consent record, when the school withdraws it, then it is withdrawn", () => {
    expect(given(recorded()).when(withdraw())).toEqual([
      caseEvent("ConsentWithdrawn", { consentId: "c-1", withdrawnAt: NOW }),
    ]);
  });
  test.each([
    ["the wijkteam", actor(ORG.wijkteam)],
    ["the chair", chair],
  ])(
    "given the school's consent record, when %s withdraws it, then consent-obtainer-only",
    (_who, by) => {
      expectRefused(
        () => given(recorded()).when(withdraw({ actor: by })),
        "organisation_not_permitted",
        "consent-obtainer-only",
        by.organisationId,
      );
    },
  );
});

describe("share checking counts only a parent with parental authority", () => {
  const consentShare = () =>
    share({
      legalBasisId: "avg-9-2-a-uitdrukkelijke-toestemming",
      dataCategories: ["gezondheid"],
      recipients: [ORG.wijkteam],
    });
  const underTwelve = (...events: CaseEvent[]) => [
    opened({ ...SUBJECT, dateOfBirth: "2016-01-01" }),
    ...caseWithPartners().slice(1),
    ...events,
  ];
  test("given a child under 12, when only a parent without authority consented, then the share is refused for lack of the parents' consent", () => {
    const withoutAuthority = historyAfter(
      underTwelve(),
      record({ giver: { ...mother, parentalAuthority: false } }),
    );
    expectRefused(
      () => given(withoutAuthority).when(consentShare()),
      "share_refused",
      "consent-parents",
      "parent",
    );
  });
  test("given a child under 12, when a parent with authority consented, then the share is made and rests on that record", () => {
    const withAuthority = historyAfter(underTwelve(), record());
    const [event] = given(withAuthority).when(consentShare());
    expect(event?.data).toMatchObject({ consentIds: ["c-1"] });
  });
  test("given a parent's consent recorded before issue 12 (authority not stated), when it is read, then it still counts as the parents' consent", () => {
    const legacy: CaseEvent = {
      type: "ConsentRecorded",
      data: eventData({
        consentId: "c-old",
        givenBy: "parent",
        scope: {
          dataCategories: ["gezondheid"],
          recipientOrganisationIds: [ORG.wijkteam],
          purposeId: "veiligheid-school",
        },
        givenOn: "2025-03-01",
        expiresAt: null,
        recordedBy: ORG.school,
        recordedAt: "2025-03-01T10:00:00.000Z",
      }) as never,
    };
    expect(fold(underTwelve(legacy)).consents["c-old"]).toMatchObject({
      giver: { role: "parent", name: null, parentalAuthority: null },
      method: null,
      evidenceReference: null,
      recordedByUserId: null,
    });
    const [event] = given(underTwelve(legacy)).when(consentShare());
    expect(event?.data).toMatchObject({ consentIds: ["c-old"] });
  });
});
