import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { identityOfSubject, MATCH_STRENGTH, matchKeysOf } from "../../../src/domain/index.js";
import { caseApiForFile } from "../cases/support/scenario.js";
import { freshBirthDate, freshBsn, ORG, type Person, raise, signalAbout } from "./support.js";

// How partners type one young person: each variant keeps the strong key or only the weak one.
const VARIANTS: readonly ((p: Person) => Person)[] = [
  (p) => p,
  (p) => ({ ...p, givenNames: p.givenNames.toUpperCase(), surname: p.surname.toLowerCase() }),
  (p) => ({ ...p, surname: p.surname.normalize("NFD").replace(/\p{M}/gu, "") }),
  (p) =>
    p.tussenvoegsel === undefined
      ? p
      : { ...p, tussenvoegsel: undefined, surname: `${p.surname}, ${p.tussenvoegsel}` },
  (p) => (p.tussenvoegsel === undefined ? p : { ...p, tussenvoegsel: "Vd" }),
  (p) => (p.tussenvoegsel === undefined ? p : { ...p, tussenvoegsel: "v.d." }),
  (p) => ({ ...p, surname: `${p.surname}s` }),
];

const BASE: readonly Omit<Person, "dateOfBirth">[] = [
  { givenNames: "Daan", tussenvoegsel: "van der", surname: "Berg" },
  { givenNames: "Elif", surname: "Özdemir" },
  { givenNames: "Sem", surname: "Jansen" },
  { givenNames: "Sam", tussenvoegsel: "van den", surname: "Berg" },
];

const RAISERS = [ORG.school, ORG.police, ORG.wijkteam, ORG.jongerenwerk] as const;
const MAY_SEND_BSN = new Set<string>([ORG.school, ORG.police, ORG.wijkteam]);

const signal = fc.record({
  person: fc.nat(BASE.length - 1),
  variant: fc.nat(VARIANTS.length - 1),
  raiser: fc.constantFrom(...RAISERS),
  withBsn: fc.boolean(),
});

describe("one young person, one open case (rule 9)", () => {
  const given = caseApiForFile("sqlite");

  test("for any stream of signals with noisy names about a small population, no two open cases share a strongly matched young person", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(signal, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          const { api } = given;
          const birth = freshBirthDate();
          const people = BASE.map((base) => ({ ...base, dateOfBirth: birth, bsn: freshBsn() }));
          const opened = new Set<string>();
          for (const batch of batches) {
            // Each batch arrives at once: the race intake must hold.
            const answers = await Promise.all(
              batch.map(({ person, variant, raiser, withBsn }) => {
                const { bsn, ...typed } = VARIANTS[variant]!(people[person]!);
                const sent = withBsn && MAY_SEND_BSN.has(raiser) ? { ...typed, bsn } : typed;
                return raise(api, raiser, signalAbout(sent));
              }),
            );
            for (const answer of answers) {
              expect([200, 201]).toContain(answer.status);
              if (answer.status === 201) opened.add(answer.body.caseId);
            }
          }
          await api.system.catchUp();
          const strongKeys = [...opened].flatMap((caseId) => {
            const subject = api.system.resources.readModels.caseView.stateOf(caseId)?.subject;
            const identity = subject && identityOfSubject(subject);
            return (identity ? matchKeysOf(identity) : [])
              .filter((key) => MATCH_STRENGTH[key.kind] === "strong")
              .map((key) => JSON.stringify(key));
          });
          expect(new Set(strongKeys).size).toBe(strongKeys.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
