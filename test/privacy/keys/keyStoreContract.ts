import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { SubjectErasedError } from "../../../src/privacy/keys/errors.js";
import type { KeyVault } from "../../../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";

/** A fresh, empty vault, and a way to open a second one on the same storage (another process). */
export type VaultFactory = () => Promise<{ vault: KeyVault; second: () => KeyVault }>;

/** The key store contract, run by each vault adapter's spec. */
export function keyStoreContract(name: string, freshVault: VaultFactory): void {
  const masterKey = masterKeyFrom(randomBytes(32));

  describe(`key store contract: ${name}`, () => {
    test("a subject's key is created on first use and the same key comes back, in any process", async () => {
      const { vault, second } = await freshVault();
      const keys = createKeyStore({ vault, masterKey });
      const subjectId = randomUUID();
      expect(await keys.get(subjectId)).toBeUndefined();

      const created = await keys.getOrCreate(subjectId);
      const again = await keys.getOrCreate(subjectId);
      const elsewhere = await createKeyStore({ vault: second(), masterKey }).get(subjectId);

      expect(again.keyId).toBe(created.keyId);
      expect(elsewhere?.keyId).toBe(created.keyId);
      expect(elsewhere?.key.export().equals(created.key.export())).toBe(true);
    });

    test("two processes creating the same subject's key at once end up with one key", async () => {
      const { vault, second } = await freshVault();
      const subjectId = randomUUID();
      const [a, b] = await Promise.all([
        createKeyStore({ vault, masterKey }).getOrCreate(subjectId),
        createKeyStore({ vault: second(), masterKey }).getOrCreate(subjectId),
      ]);
      expect(a.keyId).toBe(b.keyId);
    });

    test("getMany answers for every subject asked, known or not", async () => {
      const { vault } = await freshVault();
      const keys = createKeyStore({ vault, masterKey });
      const known = randomUUID();
      const unknown = randomUUID();
      const { keyId } = await keys.getOrCreate(known);

      const ring = await createKeyStore({ vault, masterKey }).getMany([known, unknown, known]);

      expect([...ring.keys()].sort()).toEqual([known, unknown].sort());
      expect(ring.get(known)?.keyId).toBe(keyId);
      expect(ring.get(unknown)).toBeUndefined();
    });

    test("after delete the key is gone here, elsewhere after forget, and never comes back", async () => {
      const { vault, second } = await freshVault();
      const keys = createKeyStore({ vault, masterKey });
      const other = createKeyStore({ vault: second(), masterKey });
      const subjectId = randomUUID();
      const bystander = randomUUID();
      await keys.getOrCreate(subjectId);
      const kept = await keys.getOrCreate(bystander);
      expect(await other.get(subjectId)).toBeDefined();

      await keys.delete(subjectId);

      expect(await keys.get(subjectId)).toBeUndefined();
      expect(await other.get(subjectId)).toBeDefined(); // still cached there ...
      other.forget(subjectId); // ... until it sees SubjectErased
      expect(await other.get(subjectId)).toBeUndefined();
      await expect(keys.getOrCreate(subjectId)).rejects.toThrow(SubjectErasedError);
      await expect(other.getOrCreate(subjectId)).rejects.toThrow(SubjectErasedError);
      expect((await other.get(bystander))?.keyId).toBe(kept.keyId);
    });

    test("erasing a subject that never had a key still bars one from being created", async () => {
      const { vault } = await freshVault();
      const keys = createKeyStore({ vault, masterKey });
      const subjectId = randomUUID();
      await keys.deleteMany([subjectId, subjectId]);
      await keys.delete(subjectId);
      await expect(keys.getOrCreate(subjectId)).rejects.toThrow(SubjectErasedError);
    });

    test("an erasure left to a later flush is erased at once, and the flush completes on storage set up for it", async () => {
      const { vault } = await freshVault();
      const keys = createKeyStore({ vault, masterKey });
      const [first, second] = [randomUUID(), randomUUID()];
      await keys.getOrCreate(first);
      await keys.getOrCreate(second);

      await keys.deleteMany([first], { flush: "later" });
      await keys.deleteMany([second], { flush: "later" });

      expect(await keys.getMany([first, second])).toEqual(
        new Map([
          [first, undefined],
          [second, undefined],
        ]),
      );
      expect(await vault.erasureProblems()).toEqual([]);
      await keys.flushErased();
      await keys.flushErased(); // nothing new: still complete
    });

    test("keys wrapped under another master key do not unwrap", async () => {
      const { vault } = await freshVault();
      const subjectId = randomUUID();
      await createKeyStore({ vault, masterKey }).getOrCreate(subjectId);
      const stranger = createKeyStore({ vault, masterKey: masterKeyFrom(randomBytes(32)) });
      await expect(stranger.get(subjectId)).rejects.toThrow("could not be unwrapped");
    });

    test("keys pushed out of a small cache come back from storage", async () => {
      const { vault } = await freshVault();
      const keys = createKeyStore({ vault, masterKey, cacheSize: 2 });
      const subjects = [randomUUID(), randomUUID(), randomUUID()];
      const created = [];
      for (const subjectId of subjects) created.push(await keys.getOrCreate(subjectId));
      const ring = await keys.getMany(subjects);
      expect(subjects.map((id) => ring.get(id)?.keyId)).toEqual(created.map((key) => key.keyId));
    });
  });
}
