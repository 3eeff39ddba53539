import type pg from "pg";
import type { MatchKind } from "../../../domain/index.js";
import type { BlindIndex } from "../../identity/blindIndex.js";
import type { IdentityIndex } from "../../identity/identityIndex.js";
import { SubjectErasedError } from "../errors.js";
import { keySchemaOnFirstUse } from "./schema.js";

/**
 * The subjects of the values asked, in one round trip. A value is an HMAC over its kind, so
 * it matches only the kind it was asked as. The values are planned as constants, so only the
 * partitions that can hold them are read, each by its primary key (the spec checks the plan).
 */
export const FIND = `SELECT DISTINCT subject_id, kind FROM subject_identity_index
  WHERE covenant_id = $1 AND kind = ANY($2::text[]) AND value = ANY($3::bytea[])`;

/**
 * The identity index in the key store's PostgreSQL database. A lookup is one round trip and a
 * search of the primary key (covenant, kind, value) per value asked.
 */
export function postgresIdentityIndex(pool: pg.Pool): IdentityIndex {
  const ready = keySchemaOnFirstUse(pool);

  return {
    async find(covenantId, indexes) {
      await ready();
      const { rows } = await pool.query<{ subject_id: string; kind: MatchKind }>(FIND, [
        covenantId,
        indexes.map((index) => index.kind),
        indexes.map((index) => index.value),
      ]);
      return rows.map((row) => ({ subjectId: row.subject_id, kind: row.kind }));
    },
    async add(covenantId, subjectId, indexes) {
      await ready();
      await writeUnlessErased(pool, subjectId, (client) =>
        insert(client, covenantId, subjectId, indexes),
      );
    },
    async replace(covenantId, subjectId, indexes) {
      await ready();
      await writeUnlessErased(pool, subjectId, async (client) => {
        await client.query(
          "DELETE FROM subject_identity_index WHERE subject_id = $1 AND covenant_id = $2",
          [subjectId, covenantId],
        );
        await insert(client, covenantId, subjectId, indexes);
      });
    },
    async remove(subjectIds) {
      await ready();
      await pool.query("DELETE FROM subject_identity_index WHERE subject_id = ANY($1::text[])", [
        [...subjectIds],
      ]);
    },
  };
}

/**
 * Writes a subject's entries in a transaction that refuses them once its key is erased. The
 * index table is written before the key table is read: the order erasure locks them in, so
 * the two wait for each other instead of deadlocking, and a write after an erasure sees its
 * tombstone.
 */
async function writeUnlessErased(
  pool: pg.Pool,
  subjectId: string,
  write: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await write(client);
    const { rowCount } = await client.query(
      "SELECT 1 FROM subject_keys WHERE subject_id = $1 AND wrapped IS NULL",
      [subjectId],
    );
    if (rowCount) throw new SubjectErasedError();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function insert(
  client: pg.PoolClient,
  covenantId: string,
  subjectId: string,
  indexes: readonly BlindIndex[],
): Promise<void> {
  await client.query(
    `INSERT INTO subject_identity_index (covenant_id, kind, value, subject_id)
     SELECT $1, kind, value, $2 FROM unnest($3::text[], $4::bytea[]) AS entry(kind, value)
     ON CONFLICT DO NOTHING`,
    [
      covenantId,
      subjectId,
      indexes.map((index) => index.kind),
      indexes.map((index) => index.value),
    ],
  );
}

const PARTITION = /^subject_identity_index_p\d+$/;

/**
 * Erasure's part. A DELETE leaves the bytes in the table and index files, so, as with the key
 * table (eraseAndRewrite), each partition that holds an erased subject's entry is copied aside
 * without them, TRUNCATEd (new files; the old ones are cut at commit) and refilled. The lock
 * holds off indexing and other erasures, not lookups; it is taken before the key table's, in
 * the same transaction, the order writeUnlessErased takes them in.
 */
export async function eraseIdentityEntries(
  client: pg.PoolClient,
  subjectIds: readonly string[],
): Promise<void> {
  const erased = [...subjectIds];
  await client.query("LOCK TABLE subject_identity_index IN SHARE ROW EXCLUSIVE MODE");
  const { rows } = await client.query<{ partition: string }>(
    `SELECT DISTINCT tableoid::regclass::text AS partition FROM subject_identity_index
     WHERE subject_id = ANY($1::text[])`,
    [erased],
  );
  for (const { partition } of rows) {
    if (!PARTITION.test(partition)) throw new Error("unexpected identity index partition");
    await client.query(
      `CREATE TEMP TABLE identity_index_kept AS SELECT covenant_id, kind, value, subject_id
       FROM ${partition} WHERE subject_id <> ALL($1::text[])`,
      [erased],
    );
    await client.query(`TRUNCATE ${partition}`);
    await client.query(`INSERT INTO ${partition} SELECT * FROM identity_index_kept`);
    await client.query("DROP TABLE identity_index_kept");
  }
}
