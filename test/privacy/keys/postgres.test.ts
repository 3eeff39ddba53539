import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../../../src/privacy/keys/postgres/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { keyStoreContract } from "./keyStoreContract.js";
import { readServerFile, relationFileBytes } from "./rawFiles.js";

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

async function freshPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await freshDatabaseUrl(), max: 4 });
  pools.push(pool);
  return pool;
}

keyStoreContract("postgres", async () => {
  const pool = await freshPool();
  return { vault: postgresKeyVault(pool), second: () => postgresKeyVault(pool) };
});

async function wrappedKeyOf(pool: pg.Pool, subjectId: string): Promise<Buffer> {
  const { rows } = await pool.query("SELECT wrapped FROM subject_keys WHERE subject_id = $1", [
    subjectId,
  ]);
  return rows[0].wrapped;
}

test("two processes creating the key table at once both succeed", async () => {
  const pool = await freshPool();
  const masterKey = masterKeyFrom(randomBytes(32));
  const stores = [1, 2, 3].map(() => createKeyStore({ vault: postgresKeyVault(pool), masterKey }));
  await Promise.all(stores.map((keys) => keys.getOrCreate(randomUUID())));
});

test("a plain UPDATE leaves the old bytes in the table file: why erasure rewrites it", async () => {
  const pool = await freshPool();
  const keys = createKeyStore({
    vault: postgresKeyVault(pool),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const subjectId = randomUUID();
  await keys.getOrCreate(subjectId);
  const wrapped = await wrappedKeyOf(pool, subjectId);

  await pool.query("UPDATE subject_keys SET wrapped = NULL WHERE subject_id = $1", [subjectId]);

  expect((await relationFileBytes(pool, "subject_keys")).indexOf(wrapped)).not.toBe(-1);
});

test("erasure rewrites the key table: the wrapped bytes are in no file, despite an old snapshot", async () => {
  // Given keys on disk, and another session holding a snapshot from before the erasure
  const pool = await freshPool();
  const keys = createKeyStore({
    vault: postgresKeyVault(pool),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const subjects = Array.from({ length: 50 }, () => randomUUID());
  for (const subjectId of subjects) await keys.getOrCreate(subjectId);
  const [erased, kept] = [subjects[7]!, subjects[8]!];
  const wrapped = await wrappedKeyOf(pool, erased);
  const keptWrapped = await wrappedKeyOf(pool, kept);
  const before = await relationFileBytes(pool, "subject_keys");
  const { rows } = await pool.query("SELECT pg_relation_filepath('subject_keys') AS path");
  const oldFile: string = rows[0].path;
  expect(before.indexOf(wrapped)).not.toBe(-1);
  const reader = await pool.connect();
  await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  await reader.query("SELECT count(*) FROM pg_class");

  try {
    // When the subject is erased
    await keys.delete(erased);

    // Then neither the table's new file nor its old one holds the erased key; the others remain
    const after = await relationFileBytes(pool, "subject_keys");
    expect(after.indexOf(wrapped)).toBe(-1);
    expect((await readServerFile(pool, oldFile)).indexOf(wrapped)).toBe(-1);
    expect(after.indexOf(keptWrapped)).not.toBe(-1);
    expect(await keys.get(erased)).toBeUndefined();
    expect(
      await createKeyStore({
        vault: postgresKeyVault(pool),
        masterKey: masterKeyFrom(randomBytes(32)),
      }).get(erased),
    ).toBeUndefined();
  } finally {
    await reader.query("ROLLBACK");
    reader.release();
  }
});

test("a key table from before erased_lsn gains the column at start, and erasing and flushing work on it", async () => {
  // Given the table as an earlier version created it, with a key in it
  const pool = await freshPool();
  await pool.query(`CREATE TABLE subject_keys (subject_id text PRIMARY KEY, key_id text,
    wrapped bytea, created_at timestamptz NOT NULL DEFAULT now(), erased_at timestamptz)`);
  const keys = createKeyStore({
    vault: postgresKeyVault(pool),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const subjectId = randomUUID();
  await keys.getOrCreate(subjectId);

  // When the subject is erased
  await keys.delete(subjectId);

  // Then its tombstone records where the WAL stood
  const { rows } = await pool.query("SELECT erased_lsn FROM subject_keys WHERE subject_id = $1", [
    subjectId,
  ]);
  expect(rows[0].erased_lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
});
