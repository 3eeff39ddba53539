import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CaseEvent, ShareInformation } from "../../../src/domain/index.js";
import { caseWithPartners, eventData, given, NOW, ORG, opened, SUBJECT } from "../fixtures.js";
import { share } from "./shares.js";

// Rule 3 v2: a share expires at the earliest of the expiry asked for, the basis's default
// term and the expiry of any consent it rests on. Asking for longer never extends it.

const MS = 1;
const at = (base: string, plusMs: number) => new Date(Date.parse(base) + plusMs).toISOString();
const VITAL_DEFAULT = "2025-04-09T10:00:00.000Z"; // NOW + 30 days

const expiryOf = (events: CaseEvent[], command: ShareInformation): string | null => {
  const [event] = given(events).when(command);
  if (event?.type !== "InformationShared") throw new Error("expected InformationShared");
  return event.data.expiresAt;
};

const vitalShare = (expiresAt?: string | null) =>
  share({ legalBasisId: "avg-6-1-d-vitaal-belang", expiresAt });

describe("given a vital-interest share (default term 30 days)", () => {
  test("when the sharer asks for two years, then it still expires after 30 days", () => {
    expect(expiryOf(caseWithPartners(), vitalShare("2027-03-10T10:00:00.000Z"))).toBe(
      VITAL_DEFAULT,
    );
  });
  test("when the sharer asks for one millisecond before the default, then that is the expiry", () => {
    const asked = at(VITAL_DEFAULT, -MS);
    expect(expiryOf(caseWithPartners(), vitalShare(asked))).toBe(asked);
  });
  test("when the sharer asks for exactly the default, then the default", () => {
    expect(expiryOf(caseWithPartners(), vitalShare(VITAL_DEFAULT))).toBe(VITAL_DEFAULT);
  });
  test("when the sharer asks for one millisecond after the default, then the default", () => {
    expect(expiryOf(caseWithPartners(), vitalShare(at(VITAL_DEFAULT, MS)))).toBe(VITAL_DEFAULT);
  });
  test("when the sharer asks for one millisecond after now, then that is the expiry", () => {
    const asked = at(NOW, MS);
    expect(expiryOf(caseWithPartners(), vitalShare(asked))).toBe(asked);
  });
  test("when the sharer asks for an expiry in another offset, then it is compared as an instant", () => {
    expect(expiryOf(caseWithPartners(), vitalShare("2025-04-09T12:00:00.001+02:00"))).toBe(
      VITAL_DEFAULT,
    );
    expect(expiryOf(caseWithPartners(), vitalShare("2025-04-09T11:59:59.999+02:00"))).toBe(
      "2025-04-09T11:59:59.999+02:00",
    );
  });

  test("for any requested expiry after now, the share expires at the earlier of it and the default", () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 * 365 * day }), (plusMs) => {
        const asked = at(NOW, plusMs);
        const expected = Date.parse(asked) < Date.parse(VITAL_DEFAULT) ? asked : VITAL_DEFAULT;
        expect(expiryOf(caseWithPartners(), vitalShare(asked))).toBe(expected);
      }),
    );
  });
});

describe("given a basis without a default term (public task)", () => {
  test("when the sharer asks for nothing, then the share does not expire", () => {
    expect(expiryOf(caseWithPartners(), share())).toBeNull();
  });
  test("when the sharer asks for an expiry, then that is the expiry", () => {
    expect(expiryOf(caseWithPartners(), share({ expiresAt: "2030-01-01T00:00:00.000Z" }))).toBe(
      "2030-01-01T00:00:00.000Z",
    );
  });
});

describe("given a share that rests on the young person's consent (default term 365 days)", () => {
  const consentUntil = (expiresAt: string | null): CaseEvent => ({
    type: "ConsentRecorded",
    data: eventData({
      consentId: "c-sub",
      givenBy: "subject",
      scope: {
        dataCategories: ["gezondheid"],
        recipientOrganisationIds: [ORG.wijkteam],
        purposeId: "veiligheid-school",
      },
      givenOn: "2025-03-04",
      expiresAt,
      recordedBy: ORG.school,
      recordedAt: "2025-03-04T10:00:00.000Z",
    }) as never,
  });
  const adult = (consent: CaseEvent) => [
    opened({ ...SUBJECT, dateOfBirth: "2005-01-01" }),
    ...caseWithPartners().slice(1),
    consent,
  ];
  const consentShare = (expiresAt?: string | null) =>
    share({
      legalBasisId: "avg-9-2-a-uitdrukkelijke-toestemming",
      dataCategories: ["gezondheid"],
      expiresAt,
    });
  const DEFAULT = "2026-03-10T10:00:00.000Z";

  test("when the consent ends before the asked expiry and the default, then the consent's end", () => {
    const ends = "2025-05-01T00:00:00.000Z";
    expect(expiryOf(adult(consentUntil(ends)), consentShare("2027-01-01T00:00:00.000Z"))).toBe(
      ends,
    );
  });
  test("when the asked expiry comes first, then the asked expiry", () => {
    const asked = "2025-04-01T00:00:00.000Z";
    expect(expiryOf(adult(consentUntil("2025-05-01T00:00:00.000Z")), consentShare(asked))).toBe(
      asked,
    );
  });
  test("when the consent has no end and the asked expiry is later, then the default", () => {
    expect(expiryOf(adult(consentUntil(null)), consentShare("2030-01-01T00:00:00.000Z"))).toBe(
      DEFAULT,
    );
  });
  test("when the consent ends one millisecond after the default, then the default", () => {
    expect(expiryOf(adult(consentUntil(at(DEFAULT, MS))), consentShare())).toBe(DEFAULT);
  });
});
