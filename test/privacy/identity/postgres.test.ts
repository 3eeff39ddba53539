import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { FIND, postgresIdentityIndex } from "../../../src/privacy/keys/postgres/identityIndex.js";
import { postgresKeyVault } from "../../../src/privacy/keys/postgres/keyVault.js";
import { createKeySchema } from "../../../src/privacy/keys/postgres/schema.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { readServerFile } from "../keys/rawFiles.js";
import { identityIndexContract, indexesOf, nthPerson } from "./identityIndexContract.js";

const masterKey = masterKeyFrom(randomBytes(32));

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

async function freshPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await freshDatabaseUrl(), max: 4 });
  pools.push(pool);
  return pool;
}

identityIndexContract("postgres", async () => {
  const pool = await freshPool();
  const open = () => ({ index: postgresIdentityIndex(pool), vault: postgresKeyVault(pool) });
  return { ...open(), second: open };
});

test("the lookup reads one partition per value, by its primary key: log n, not n", async () => {
  // Given 30,000 entries in the index, with the planner's statistics up to date
  const pool = await freshPool();
  await createKeySchema(pool);
  await pool.query(
    `INSERT INTO subject_identity_index (covenant_id, kind, value, subject_id)
     SELECT 'covenant', (ARRAY['bsn', 'name-dob', 'surname-dob'])[n % 3 + 1],
       decode(md5(n::text) || md5((-n)::text), 'hex'), 'subject-' || n
     FROM generate_series(1, 30000) AS n`,
  );
  await pool.query("ANALYZE subject_identity_index");

  // When the adapter's lookup is planned for three values (a partition of 500 entries may be
  // cheaper read whole, so the plan is asked as it will be once partitions grow)
  const values = [1, 2, 3].map((n) => Buffer.alloc(32, n));
  const client = await pool.connect();
  const plan = await client
    .query("SET enable_seqscan = off")
    .then(() =>
      client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${FIND}`, [
        "covenant",
        ["bsn", "name-dob", "surname-dob"],
        values,
      ]),
    )
    .then(({ rows }) => rows.map((row) => row["QUERY PLAN"]).join("\n"))
    .finally(() => client.release(true));

  // Then it reads at most one partition per value, each by its primary key, never a whole table
  const partitions = new Set(plan.match(/subject_identity_index_p\d+(?=_pkey)/g));
  expect(partitions.size).toBeGreaterThan(0);
  expect(partitions.size).toBeLessThanOrEqual(values.length);
  expect(plan).not.toMatch(/Seq Scan/);
});

test("erasure rewrites the partitions it touches: the erased values are in no file, despite an old snapshot", async () => {
  // Given young people indexed on disk, and another session holding a snapshot from before
  const pool = await freshPool();
  const keys = createKeyStore({ vault: postgresKeyVault(pool), masterKey });
  const index = postgresIdentityIndex(pool);
  const covenant = randomUUID();
  const subjects = Array.from({ length: 20 }, (_, n) => ({
    subjectId: randomUUID(),
    indexes: indexesOf(covenant, nthPerson(n)),
  }));
  for (const { subjectId, indexes } of subjects) {
    await keys.getOrCreate(subjectId);
    await index.replace(covenant, subjectId, indexes);
  }
  const [erased, kept] = [subjects[7]!, subjects[8]!];
  const valuesOf = (subject: typeof erased) => subject.indexes.map((entry) => entry.value);
  const before = await readFiles(pool, await indexFiles(pool));
  expect(valuesOf(erased).map((value) => holding(before, value).length)).not.toContain(0);
  const reader = await pool.connect();
  await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  await reader.query("SELECT count(*) FROM pg_class");

  try {
    // When one of them is erased
    await keys.delete(erased.subjectId);

    // Then no file of the database holds an erased value, nor does any file that held one
    // before; the others' values remain and are found
    const after = await readFiles(pool, [
      ...new Set([...before.keys(), ...(await databaseFiles(pool))]),
    ]);
    for (const value of valuesOf(erased)) expect(holding(after, value)).toEqual([]);
    for (const value of valuesOf(kept)) expect(holding(after, value)).not.toEqual([]);
    expect(await index.find(covenant, kept.indexes)).toHaveLength(2);
  } finally {
    await reader.query("ROLLBACK");
    reader.release();
  }
});

/** The files of the index's partitions and their indexes, after a checkpoint. */
async function indexFiles(pool: pg.Pool): Promise<string[]> {
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ file: string }>(
    `SELECT pg_relation_filepath(oid) AS file FROM pg_class
     WHERE relname LIKE 'subject_identity_index_p%' AND relkind IN ('r', 'i')`,
  );
  return rows.map((row) => row.file);
}

/** Every file of the current database (tables, TOAST, indexes), after a checkpoint. */
async function databaseFiles(pool: pg.Pool): Promise<string[]> {
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ file: string }>(
    `SELECT 'base/' || d.oid || '/' || f AS file
     FROM pg_database d, pg_ls_dir('base/' || d.oid) AS f
     WHERE d.datname = current_database()`,
  );
  return rows.map((row) => row.file);
}

/** The files' bytes, read once: a scan for many values then costs one read of each file. */
async function readFiles(pool: pg.Pool, files: string[]): Promise<Map<string, Buffer>> {
  const read = new Map<string, Buffer>();
  for (const file of files) read.set(file, await readServerFile(pool, file));
  return read;
}

const holding = (files: Map<string, Buffer>, value: Buffer) =>
  [...files].filter(([, bytes]) => bytes.indexOf(value) !== -1).map(([file]) => file);
