import { describe, expect, test } from "vitest";
import { isCalendarDate } from "../../../src/domain/dates.js";
import { catalogue } from "../../../src/domain/index.js";

const kinds = new Set(catalogue.partnerKinds.map((k) => k.id));
const categories = new Map(catalogue.dataCategories.map((c) => [c.id, c]));

describe("the legal-basis catalogue is consistent data", () => {
  test("ids are unique across every list", () => {
    for (const list of [
      catalogue.legalBases,
      catalogue.partnerKinds,
      catalogue.dataCategories,
      catalogue.signalCategories,
      catalogue.levels,
    ]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
  test.each(catalogue.legalBases.map((b) => [b.id, b] as const))(
    "%s refers to known kinds and categories and has both languages",
    (_id, basis) => {
      for (const kind of [...basis.sharerKinds, ...basis.recipientKinds])
        expect(kinds.has(kind), kind).toBe(true);
      for (const category of basis.dataCategories)
        expect(categories.has(category), category).toBe(true);
      expect(basis.description.nl.length).toBeGreaterThan(10);
      expect(basis.description.en.length).toBeGreaterThan(10);
      expect(isCalendarDate(basis.validFrom)).toBe(true);
      expect(basis.requirements.necessityStatement).toBe(true);
      if (basis.unverified) expect(basis.note).toMatch(/unverified/i);
    },
  );
  test("a basis covering a special category names the exception that allows it", () => {
    for (const basis of catalogue.legalBases) {
      for (const id of basis.dataCategories) {
        const special = categories.get(id)?.special;
        if (special === "art9")
          expect(basis.requirements.art9Exception, `${basis.id} ${id}`).not.toBeNull();
        if (special === "art10")
          expect(basis.requirements.art10Basis, `${basis.id} ${id}`).not.toBeNull();
      }
    }
  });
  test("police data travel only under the Wpg", () => {
    const carriers = catalogue.legalBases.filter((b) =>
      b.dataCategories.includes("politiegegevens"),
    );
    expect(
      carriers.every((b) => b.regime === "Wpg" && b.sharerKinds.every((k) => k === "politie")),
    ).toBe(true);
  });
  test("meldrecht has Veilig Thuis as its only recipient; legitimate interests are closed to public authorities", () => {
    const basis = (id: string) => catalogue.legalBases.find((b) => b.id === id);
    expect(basis("wmo-5-2-6-meldrecht")?.recipientKinds).toEqual(["veilig-thuis"]);
    const publicKinds = catalogue.partnerKinds.filter((k) => k.publicAuthority).map((k) => k.id);
    expect(
      basis("avg-6-1-f-gerechtvaardigd-belang")?.sharerKinds.some((k) => publicKinds.includes(k)),
    ).toBe(false);
  });
  test("Wpg art. 19 and 20 carry their extra requirements", () => {
    const basis = (id: string) => catalogue.legalBases.find((b) => b.id === id);
    expect(basis("wpg-20")?.requirements).toMatchObject({
      decisionReference: true,
      weightyPublicInterest: true,
    });
    expect(basis("wpg-19")?.requirements).toMatchObject({
      competentAuthorityAgreement: true,
      weightyPublicInterest: true,
    });
  });
  test("the catalogue covers the bases and categories of the shared notes", () => {
    const ids = catalogue.legalBases.map((b) => b.id);
    for (const expected of [
      "avg-6-1-a-toestemming",
      "leerplichtwet-21-verzuimmelding",
      "avg-6-1-d-vitaal-belang",
      "avg-6-1-e-publieke-taak",
      "avg-6-1-f-gerechtvaardigd-belang",
      "wpg-16",
      "wpg-18-halt",
      "wpg-19",
      "wpg-20",
      "wmo-5-2-6-meldrecht",
      "jeugdwet-7-3-11-toestemming",
      "wvo-17a-wpo-18a-ondersteuning",
      "wgs-zorg-en-veiligheidshuis",
      "uavg-33-samenwerkingsverband",
    ]) {
      expect(ids).toContain(expected);
    }
    expect([...categories.keys()].sort()).toEqual([
      "gezin",
      "gezondheid",
      "hulpverlening",
      "identiteit",
      "politiegegevens",
      "school",
      "signaal",
      "strafrechtelijk",
      "verzuim",
    ]);
    expect(catalogue.levels.map((l) => l.id)).toEqual(["sterke-basis", "preventie", "incident"]);
  });
  test("every signal category names concrete behaviours in both languages' labels", () => {
    expect(catalogue.signalCategories.length).toBeGreaterThanOrEqual(17);
    for (const category of catalogue.signalCategories) {
      expect(category.examples.length, category.id).toBeGreaterThanOrEqual(2);
      expect(category.label.nl && category.label.en && category.description.en).toBeTruthy();
    }
    const polarisatie = catalogue.signalCategories.find((c) => c.id === "polarisatie");
    expect(polarisatie?.examples).toContain("verharding van de omgangsvormen");
  });
});
