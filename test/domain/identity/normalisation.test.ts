import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Identity, type MatchKind, matchKeysOf } from "../../../src/domain/index.js";

// The normalisation decisions (README, "Matching a young person"), one row per name pair: does
// the pair meet on the strong key (links automatically) and on the weak key (a possible match
// for the chair)? A wrong link is worse than a missed one, so the strong key only forgives how a
// name is typed, and the weak key also forgives how it is spelt.

const DOB = "2012-03-14";
const person = (fields: Partial<Identity>): Identity => ({
  givenNames: "Daan",
  surname: "Jansen",
  dateOfBirth: DOB,
  ...fields,
});
const keyOf = (identity: Identity, kind: MatchKind) =>
  JSON.stringify(matchKeysOf(identity).find((key) => key.kind === kind)?.parts ?? null);
const meet = (a: Identity, b: Identity, kind: MatchKind) => keyOf(a, kind) === keyOf(b, kind);

type Row = [
  a: Partial<Identity>,
  b: Partial<Identity>,
  strong: boolean,
  weak: boolean,
  why: string,
];
const surnames = (a: string, b: string, strong: boolean, weak: boolean, why: string): Row => [
  { surname: a },
  { surname: b },
  strong,
  weak,
  why,
];
const givenNames = (a: string, b: string, strong: boolean, why: string): Row => [
  { givenNames: a },
  { givenNames: b },
  strong,
  true,
  why,
];

const TABLE: Row[] = [
  surnames("Jansen", "JANSEN", true, true, "case says nothing"),
  surnames("Özdemir", "Ozdemir", true, true, "accents are lost by keyboards and systems"),
  surnames("ÖZDEMİR", "özdemir", true, true, "Turkish dotted capital İ"),
  surnames("Şahin", "Sahin", true, true, "cedilla"),
  surnames("Jansen-de Vries", "Jansen de Vries", true, true, "hyphen or space"),
  surnames("El Amrani", "El-Amrani", true, true, "hyphen or space"),
  surnames("d'Ancona", "D Ancona", true, true, "apostrophe"),
  surnames("'t Hart", "’t Hart", true, true, "typographic apostrophe"),
  surnames("van der Berg", "Van der Berg", true, true, "capital tussenvoegsel"),
  surnames("van der Berg", "Berg, van der", true, true, "sorted form"),
  surnames("van der Berg", "Berg van der", true, true, "sorted form without comma"),
  [
    { tussenvoegsel: "van der", surname: "Berg" },
    { surname: "van der Berg" },
    true,
    true,
    "own field or in the surname",
  ],
  [
    { tussenvoegsel: "van der", surname: "van der Berg" },
    { surname: "van der Berg" },
    true,
    true,
    "typed twice counts once",
  ],
  surnames("van Dijk", "v. Dijk", true, true, "a lone v. is van"),
  surnames("Vd Berg", "v.d. Berg", true, true, "one abbreviation, typed two ways"),
  surnames("van der Berg", "Vd Berg", false, true, "vd may be van de, van den or van der"),
  surnames(
    "van der Berg",
    "Van den Berg",
    false,
    true,
    "van der and van den are different families",
  ),
  surnames("'t Hart", "Hart", false, true, "a tussenvoegsel left out"),
  surnames("El Amrani", "Amrani", false, true, "a prefix left out"),
  surnames(
    "Jansen",
    "Janssen",
    false,
    true,
    "two common names, one sound: never linked on spelling",
  ),
  surnames("Meijer", "Meyer", false, true, "ij and y"),
  surnames("Meijer", "Meier", false, true, "ei and ij are one sound"),
  surnames("van Dijk", "van Dyk", false, true, "ij and y"),
  surnames("van der Heijden", "van der Heiden", false, true, "ei and ij"),
  surnames("Huysman", "Huisman", false, true, "uy and ui"),
  surnames("Philips", "Filips", false, true, "ph and f"),
  surnames("Thijssen", "Tijssen", false, true, "th and t"),
  surnames("Dekker", "Decker", false, true, "ck and k"),
  surnames("Bakker", "Backer", false, true, "ck and k, doubled letters"),
  surnames("Hendriks", "Hendrix", false, true, "x and ks"),
  surnames("Maes", "Maas", false, true, "old ae for aa"),
  surnames("Bosch", "Bos", false, true, "final sch is s"),
  surnames("Smit", "Smidt", false, true, "final dt, d and t sound alike"),
  surnames("Smit", "Smid", false, true, "final d and t sound alike"),
  surnames("de Vries", "de Fries", false, false, "v and f: different names in the north"),
  surnames("Claassen", "Klaassen", false, false, "c and k in general: not one rule"),
  surnames("Visser", "Visscher", false, false, "sch inside a name is not s"),
  surnames("Jansen", "Janse", false, false, "different names"),
  surnames("Mulder", "Molder", false, false, "vowels are not folded"),
  surnames("Özdemir", "Oezdemir", false, false, "German oe for ö: oe is a Dutch vowel too"),
  surnames("Vandenberg", "van den Berg", false, false, "written as one word: not split"),
  givenNames("Zoë", "Zoe", true, "accents"),
  givenNames("Anna-Sophie", "Anna Sophie", true, "hyphen or space"),
  givenNames("Jan Willem", "Janwillem", true, "spacing"),
  givenNames("Daan", "Daan Pieter", false, "all given names count: brothers may share the first"),
  givenNames(
    "Mohamed Amine",
    "Mohamed Yassine",
    false,
    "the first is shared, the call name differs",
  ),
  givenNames("Mohamed", "Mohammed", false, "given names are not spelling-folded"),
  givenNames("Sem", "Sam", false, "one letter apart: twins"),
];

describe("the normalisation table", () => {
  test.each(TABLE)("%o and %o: strong %s, weak %s (%s)", (a, b, strong, weak) => {
    expect(meet(person(a), person(b), "name-dob")).toBe(strong);
    expect(meet(person(a), person(b), "surname-dob")).toBe(weak);
  });

  test("the same name on another birth date meets on neither key", () => {
    const other = person({ dateOfBirth: "2012-03-15" });
    expect(meet(person({}), other, "name-dob")).toBe(false);
    expect(meet(person({}), other, "surname-dob")).toBe(false);
  });
});

// Names drawn from Dutch parts, typed with the noise partners add.
const word = fc.constantFrom(
  "berg",
  "jansen",
  "meijer",
  "dijk",
  "heijden",
  "bosch",
  "hart",
  "smit",
);
const prefix = fc.constantFrom("", "van", "van der", "van den", "de", "'t", "vd", "ter");
const given = fc.constantFrom("Daan", "Anna Sophie", "Mohamed Amine", "Zoë", "Jan-Willem", "Sem");
const identity = fc.record({
  givenNames: given,
  tussenvoegsel: prefix,
  surname: fc.array(word, { minLength: 1, maxLength: 2 }).map((words) => words.join("-")),
  dateOfBirth: fc.constantFrom("2011-05-02", "2012-03-14"),
});
const retyped = (text: string, how: number) =>
  [text.toUpperCase(), ` ${text}  `, text.replace(/ /g, "  "), text.normalize("NFD")][how % 4]!;

describe("properties", () => {
  test("a strong match is always a weak match too", () => {
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        if (meet(a, b, "name-dob")) expect(meet(a, b, "surname-dob")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("retyping a name (case, spaces, decomposed accents) changes no key", () => {
    fc.assert(
      fc.property(identity, fc.nat(), (a, how) => {
        const b = {
          ...a,
          givenNames: retyped(a.givenNames, how),
          tussenvoegsel: retyped(a.tussenvoegsel, how + 1),
          surname: retyped(a.surname, how + 2),
        };
        expect(matchKeysOf(b)).toEqual(matchKeysOf(a));
      }),
    );
  });
});
