import type pg from "pg";
import type { KeyVault, StoredKey } from "../keyStore.js";
import { coalesced } from "./coalesced.js";
import { eraseIdentityEntries } from "./identityIndex.js";
import { keySchemaOnFirstUse } from "./schema.js";
import { flushWal } from "./walFlush.js";
import { walFacts, walProblems } from "./walSettings.js";

interface KeyRow {
  subject_id: string;
  key_id: string | null;
  wrapped: Buffer | null;
}

/**
 * Wrapped keys in PostgreSQL: the events' database, or a separate one (KEYSTORE_URL) when the
 * events live in EventStoreDB. The table is created on first use.
 */
export function postgresKeyVault(pool: pg.Pool): KeyVault {
  const ready = keySchemaOnFirstUse(pool);

  const flush = coalesced(async () => {
    await ready();
    await flushWal(pool);
  });

  return {
    async insertIfAbsent(subjectId, key) {
      await ready();
      await pool.query(
        `INSERT INTO subject_keys (subject_id, key_id, wrapped) VALUES ($1, $2, $3)
         ON CONFLICT (subject_id) DO NOTHING`,
        [subjectId, key.keyId, key.wrapped],
      );
      const { rows } = await pool.query<KeyRow>(
        "SELECT subject_id, key_id, wrapped FROM subject_keys WHERE subject_id = $1",
        [subjectId],
      );
      const row = rows[0];
      if (!row) throw new Error("a key row vanished right after its insert");
      return storedKey(row);
    },
    async find(subjectIds) {
      await ready();
      const { rows } = await pool.query<KeyRow>(
        "SELECT subject_id, key_id, wrapped FROM subject_keys WHERE subject_id = ANY($1::text[])",
        [subjectIds],
      );
      return new Map(rows.map((row) => [row.subject_id, storedKey(row)]));
    },
    async erase(subjectIds) {
      await ready();
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await eraseIdentityEntries(client, subjectIds);
        await eraseAndRewrite(client, subjectIds);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    flushErased: flush,
    async erasureProblems() {
      return walProblems(await walFacts(pool));
    },
  };
}

const COLUMNS = "subject_id, key_id, wrapped, created_at, erased_at, erased_lsn";

/**
 * An UPDATE leaves the old tuple, key bytes and all, in the table file until vacuum; and
 * VACUUM FULL still copies tuples an older snapshot might see. So the table is copied aside
 * and TRUNCATEd (a new, empty file; the old one is cut to zero at commit) and refilled with
 * the live rows only. The exclusive lock holds other key reads for the few milliseconds this
 * takes. The WAL still holds the keys (their inserts, the page images this update writes)
 * until flushWal removes its segments up to each tombstone's erased_lsn.
 */
async function eraseAndRewrite(
  client: pg.PoolClient,
  subjectIds: readonly string[],
): Promise<void> {
  const erased = [...new Set(subjectIds)];
  await client.query("LOCK TABLE subject_keys IN ACCESS EXCLUSIVE MODE");
  await client.query(
    `INSERT INTO subject_keys (subject_id, key_id, wrapped, erased_at)
     SELECT id, NULL, NULL, now() FROM unnest($1::text[]) AS id
     ON CONFLICT (subject_id) DO UPDATE SET key_id = NULL, wrapped = NULL,
       erased_at = coalesce(subject_keys.erased_at, excluded.erased_at)`,
    [erased],
  );
  await client.query(
    `CREATE TEMP TABLE subject_keys_kept ON COMMIT DROP AS SELECT ${COLUMNS} FROM subject_keys`,
  );
  await client.query("TRUNCATE subject_keys");
  // Read after the update above: every record that held an erased key lies before this point.
  await client.query(
    `INSERT INTO subject_keys (${COLUMNS})
     SELECT subject_id, key_id, wrapped, created_at, erased_at,
       CASE WHEN subject_id = ANY($1::text[]) THEN pg_current_wal_insert_lsn() ELSE erased_lsn END
     FROM subject_keys_kept`,
    [erased],
  );
}

function storedKey(row: KeyRow): StoredKey {
  if (row.wrapped === null || row.key_id === null) return { state: "erased" };
  return { state: "active", keyId: row.key_id, wrapped: row.wrapped };
}
