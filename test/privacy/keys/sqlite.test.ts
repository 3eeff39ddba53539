import { randomBytes, randomUUID } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { expect, test } from "vitest";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { sqliteKeyVault } from "../../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { keyStoreContract } from "./keyStoreContract.js";
import { openStoreFile, sqliteFilesHolding } from "./rawFiles.js";

keyStoreContract("sqlite", async () => {
  const { db, path } = openStoreFile();
  return { vault: sqliteKeyVault(db), second: () => sqliteKeyVault(new BetterSqlite3(path)) };
});

function wrappedKeyOf(db: BetterSqlite3.Database, subjectId: string): Buffer {
  const row = db.prepare("SELECT wrapped FROM subject_keys WHERE subject_id = ?").get(subjectId);
  return (row as { wrapped: Buffer }).wrapped;
}

test("creating the key table twice is harmless", () => {
  const { db } = openStoreFile();
  sqliteKeyVault(db);
  expect(() => sqliteKeyVault(db)).not.toThrow();
});

test("an erased key's wrapped bytes are gone from the database file, its WAL and free pages", async () => {
  // Given many subjects' keys, checkpointed into the database file and some still in the WAL
  const { db, path } = openStoreFile();
  const masterKey = masterKeyFrom(randomBytes(32));
  const keys = createKeyStore({ vault: sqliteKeyVault(db), masterKey });
  const subjects = Array.from({ length: 300 }, () => randomUUID());
  for (const subjectId of subjects.slice(0, 200)) await keys.getOrCreate(subjectId);
  db.pragma("wal_checkpoint(PASSIVE)");
  for (const subjectId of subjects.slice(200)) await keys.getOrCreate(subjectId);
  const erased = subjects.filter((_, i) => i % 3 !== 0);
  const kept = subjects.filter((_, i) => i % 3 === 0);
  const wrapped = new Map(subjects.map((id) => [id, wrappedKeyOf(db, id)]));
  expect(sqliteFilesHolding(path, wrapped.get(subjects[0]!)!)).toEqual([path]);
  expect(sqliteFilesHolding(path, wrapped.get(subjects[250]!)!)).toContain(`${path}-wal`);

  // When two thirds of them are erased, one by one and in a batch
  await keys.delete(erased[0]!);
  await keys.deleteMany(erased.slice(1));

  // Then no byte of the files (free pages included: the scan reads every page) holds an erased
  // key; the kept keys are still there and still unwrap in a process that never cached them
  for (const subjectId of erased) {
    expect(sqliteFilesHolding(path, wrapped.get(subjectId)!)).toEqual([]);
  }
  for (const subjectId of kept) {
    expect(sqliteFilesHolding(path, wrapped.get(subjectId)!)).toEqual([path]);
  }
  const fresh = createKeyStore({ vault: sqliteKeyVault(db), masterKey });
  expect(await fresh.get(erased[5]!)).toBeUndefined();
  const ring = await fresh.getMany(kept);
  expect(kept.every((id) => ring.get(id) !== undefined)).toBe(true);
});
