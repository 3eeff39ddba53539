import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { type Identity, matchKeysOf } from "../../../src/domain/index.js";
import { type BlindIndex, createBlindIndexer } from "../../../src/privacy/identity/blindIndex.js";
import type { IdentityIndex } from "../../../src/privacy/identity/identityIndex.js";
import { SubjectErasedError } from "../../../src/privacy/keys/errors.js";
import type { KeyVault } from "../../../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";

/** A fresh, empty key database: its identity index and key vault, and a second process on it. */
export type IndexFactory = () => Promise<{
  index: IdentityIndex;
  vault: KeyVault;
  second: () => { index: IdentityIndex; vault: KeyVault };
}>;

const masterKey = masterKeyFrom(randomBytes(32));
const indexer = createBlindIndexer(masterKey);
const DAAN: Identity = {
  givenNames: "Daan",
  surname: "Jansen",
  dateOfBirth: "2012-03-14",
  bsn: "111222333",
};
const TWIN: Identity = { givenNames: "Joost", surname: "Jansen", dateOfBirth: "2012-03-14" };
export const indexesOf = (covenantId: string, identity: Identity): BlindIndex[] =>
  indexer.indexesOf(covenantId, matchKeysOf(identity));
const sorted = <T>(hits: T[]) => hits.map((hit) => JSON.stringify(hit)).sort();

/** The n-th of many young people: a surname of letters (digits are no part of a name) and a birth date of its own. */
export function nthPerson(n: number): Identity {
  const surname = [...n.toString(26)].map(
    (digit) => "abcdefghijklmnopqrstuvwxyz"[parseInt(digit, 26)],
  );
  const dateOfBirth = new Date(Date.UTC(2010, 0, 2 + (n % 360))).toISOString().slice(0, 10);
  return { givenNames: "Daan", surname: `Jansen${surname.join("")}`, dateOfBirth };
}

/** The identity index contract, run by each key database adapter's spec. */
export function identityIndexContract(name: string, fresh: IndexFactory): void {
  describe(`identity index contract: ${name}`, () => {
    test("given a subject's entries, when looked up by any of them, then the subject comes back with the kinds", async () => {
      const { index } = await fresh();
      const [covenant, daan] = [randomUUID(), randomUUID()];
      await index.replace(covenant, daan, indexesOf(covenant, DAAN));

      const byName = indexesOf(covenant, { ...DAAN, bsn: undefined });
      expect(sorted(await index.find(covenant, byName))).toEqual(
        sorted([
          { subjectId: daan, kind: "name-dob" },
          { subjectId: daan, kind: "surname-dob" },
        ]),
      );
      const [bsn] = indexesOf(covenant, DAAN);
      expect(await index.find(covenant, [bsn!])).toEqual([{ subjectId: daan, kind: "bsn" }]);
      expect(await index.find(covenant, [])).toEqual([]);
    });

    test("given twins, when looked up by surname and birth date, then both come back; by full name, one", async () => {
      const { index } = await fresh();
      const [covenant, daan, joost] = [randomUUID(), randomUUID(), randomUUID()];
      await index.replace(covenant, daan, indexesOf(covenant, DAAN));
      await index.replace(covenant, joost, indexesOf(covenant, TWIN));

      const hits = await index.find(covenant, indexesOf(covenant, TWIN));
      expect(sorted(hits)).toEqual(
        sorted([
          { subjectId: joost, kind: "name-dob" },
          { subjectId: joost, kind: "surname-dob" },
          { subjectId: daan, kind: "surname-dob" },
        ]),
      );
    });

    test("given the same young person in another covenant, then a lookup never crosses over", async () => {
      const { index } = await fresh();
      const [here, there, subject] = [randomUUID(), randomUUID(), randomUUID()];
      await index.replace(there, subject, indexesOf(there, DAAN));
      // Even the other covenant's own values, asked in this covenant, find nothing.
      expect(await index.find(here, indexesOf(here, DAAN))).toEqual([]);
      expect(await index.find(here, indexesOf(there, DAAN))).toEqual([]);
    });

    test("when entries are added, then earlier ones stay, and adding one twice keeps it once", async () => {
      const { index } = await fresh();
      const [covenant, daan] = [randomUUID(), randomUUID()];
      const [bsn, ...byName] = indexesOf(covenant, DAAN);
      await index.add(covenant, daan, [bsn!]);
      await index.add(covenant, daan, byName);
      await index.add(covenant, daan, indexesOf(covenant, DAAN));

      expect(sorted(await index.find(covenant, indexesOf(covenant, DAAN)))).toEqual(
        sorted([
          { subjectId: daan, kind: "bsn" },
          { subjectId: daan, kind: "name-dob" },
          { subjectId: daan, kind: "surname-dob" },
        ]),
      );
    });

    test("when a subject's entries are replaced, then the old ones find it no more, in that covenant only", async () => {
      const { index } = await fresh();
      const [covenant, other, daan] = [randomUUID(), randomUUID(), randomUUID()];
      await index.replace(covenant, daan, indexesOf(covenant, DAAN));
      await index.replace(other, daan, indexesOf(other, DAAN));
      const corrected = { ...DAAN, dateOfBirth: "2012-03-15" };

      await index.replace(covenant, daan, indexesOf(covenant, corrected));
      await index.replace(covenant, daan, indexesOf(covenant, corrected));

      expect(await index.find(covenant, indexesOf(covenant, { ...DAAN, bsn: undefined }))).toEqual(
        [],
      );
      expect(await index.find(covenant, indexesOf(covenant, corrected))).toHaveLength(3);
      expect(await index.find(other, indexesOf(other, DAAN))).toHaveLength(3);
    });

    test("when a subject is removed, then none of its entries remain and others keep theirs", async () => {
      const { index, second } = await fresh();
      const [covenant, daan, joost] = [randomUUID(), randomUUID(), randomUUID()];
      await index.replace(covenant, daan, indexesOf(covenant, DAAN));
      await index.replace(covenant, joost, indexesOf(covenant, TWIN));

      await index.remove([daan, daan]);

      const hits = await second().index.find(covenant, indexesOf(covenant, DAAN));
      expect(hits).toEqual([{ subjectId: joost, kind: "surname-dob" }]);
    });

    test("when a subject's key is erased, then its entries go with it and none can be added", async () => {
      // Given Daan and his twin indexed, and another process that saw Daan
      const { index, vault, second } = await fresh();
      const keys = createKeyStore({ vault, masterKey });
      const [covenant, daan, joost] = [randomUUID(), randomUUID(), randomUUID()];
      await keys.getOrCreate(daan);
      await index.replace(covenant, daan, indexesOf(covenant, DAAN));
      await index.replace(covenant, joost, indexesOf(covenant, TWIN));

      // When Daan is erased
      await keys.delete(daan);

      // Then no lookup finds him, here or elsewhere, and re-indexing him is refused
      const elsewhere = second().index;
      expect(await elsewhere.find(covenant, indexesOf(covenant, DAAN))).toEqual([
        { subjectId: joost, kind: "surname-dob" },
      ]);
      for (const write of ["add", "replace"] as const) {
        await expect(
          elsewhere[write](covenant, daan, indexesOf(covenant, DAAN)),
        ).rejects.toBeInstanceOf(SubjectErasedError);
      }
      expect(await index.find(covenant, indexesOf(covenant, DAAN))).toHaveLength(1);
    });

    test.each(["add", "replace"] as const)(
      "when indexing (%s) races the erasure in another process, then the erased subject is never left indexed",
      async (write) => {
        const { index, second } = await fresh();
        const other = createKeyStore({ vault: second().vault, masterKey });
        const covenant = randomUUID();
        for (let round = 0; round < 20; round++) {
          const subject = randomUUID();
          const identity = nthPerson(round);
          const outcomes = await Promise.allSettled([
            index[write](covenant, subject, indexesOf(covenant, identity)),
            other.delete(subject),
          ]);
          expect(outcomes[1]).toMatchObject({ status: "fulfilled" });
          if (outcomes[0].status === "rejected") {
            expect(outcomes[0].reason).toBeInstanceOf(SubjectErasedError);
          }
          const left = await index.find(covenant, indexesOf(covenant, identity));
          expect(left.filter((hit) => hit.subjectId === subject)).toEqual([]);
        }
      },
    );

    test("ids named like built-ins are ids like any other", async () => {
      const { index } = await fresh();
      for (const id of BUILTIN_NAMES) {
        await index.replace(id, id, indexesOf(id, DAAN));
      }
      for (const id of BUILTIN_NAMES) {
        const hits = await index.find(id, indexesOf(id, DAAN));
        expect(new Set(hits.map((hit) => hit.subjectId))).toEqual(new Set([id]));
      }
      await index.remove(BUILTIN_NAMES);
      expect(await index.find("constructor", indexesOf("constructor", DAAN))).toEqual([]);
    });
  });
}
