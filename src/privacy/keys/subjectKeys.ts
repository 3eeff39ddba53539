import { randomBytes, randomUUID } from "node:crypto";
import { SubjectErasedError } from "./errors.js";
import { type CachedKey, ERASED_ENTRY, KeyCache } from "./keyCache.js";
import type { DataKey, KeyStore, KeyVault, StoredKey } from "./keyStore.js";
import type { MasterKey } from "./masterKey.js";

export interface KeyStoreOptions {
  vault: KeyVault;
  masterKey: MasterKey;
  /** How many unwrapped keys stay in memory; default 100,000 (about 10 MB). */
  cacheSize?: number;
}

/** The key store: wraps and unwraps under the master key, caches unwrapped keys, stores via the vault. */
export function createKeyStore({
  vault,
  masterKey,
  cacheSize = 100_000,
}: KeyStoreOptions): KeyStore {
  const cache = new KeyCache(cacheSize);

  function remember(subjectId: string, stored: StoredKey): CachedKey {
    const entry: CachedKey =
      stored.state === "erased"
        ? ERASED_ENTRY
        : {
            subjectId,
            keyId: stored.keyId,
            key: masterKey.unwrap(subjectId, stored.keyId, stored.wrapped),
          };
    cache.set(subjectId, entry);
    return entry;
  }

  async function getMany(subjectIds: Iterable<string>): Promise<Map<string, DataKey | undefined>> {
    const ring = new Map<string, DataKey | undefined>();
    const missing: string[] = [];
    for (const subjectId of subjectIds) {
      if (ring.has(subjectId)) continue;
      const entry = cache.get(subjectId);
      if (entry === undefined) {
        missing.push(subjectId);
        ring.set(subjectId, undefined);
      } else {
        ring.set(subjectId, entry === ERASED_ENTRY ? undefined : entry);
      }
    }
    if (missing.length === 0) return ring;
    // A subject without any row is not cached: its key may still be created by another process.
    for (const [subjectId, stored] of await vault.find(missing)) {
      const entry = remember(subjectId, stored);
      ring.set(subjectId, entry === ERASED_ENTRY ? undefined : entry);
    }
    return ring;
  }

  async function deleteMany(
    subjectIds: Iterable<string>,
    { flush = "now" }: { flush?: "now" | "later" } = {},
  ): Promise<void> {
    const unique = [...new Set(subjectIds)];
    if (unique.length === 0) return;
    // Forget first: even if the storage rewrite fails, this process no longer uses the keys.
    for (const subjectId of unique) cache.set(subjectId, ERASED_ENTRY);
    await vault.erase(unique);
    if (flush === "now") await vault.flushErased();
  }

  return {
    async getOrCreate(subjectId) {
      let entry = cache.get(subjectId);
      if (entry === undefined) {
        const keyId = randomUUID();
        const dataKey = randomBytes(32);
        const wrapped = masterKey.wrap(subjectId, keyId, dataKey);
        dataKey.fill(0);
        const stored = await vault.insertIfAbsent(subjectId, { state: "active", keyId, wrapped });
        entry = remember(subjectId, stored);
      }
      if (entry === ERASED_ENTRY) throw new SubjectErasedError();
      return entry;
    },
    async get(subjectId) {
      return (await getMany([subjectId])).get(subjectId);
    },
    getMany,
    async delete(subjectId) {
      await deleteMany([subjectId]);
    },
    deleteMany,
    flushErased: () => vault.flushErased(),
    forget(subjectId) {
      cache.delete(subjectId);
    },
  };
}
