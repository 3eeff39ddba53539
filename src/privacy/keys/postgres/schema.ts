import type pg from "pg";

/** Advisory lock held while creating the key table, so two processes starting at once do not race. */
const SCHEMA_LOCK = 727_002_000;

/** Partitions of the identity index: an erasure rewrites about 3/16 of it, not all of it. */
export const IDENTITY_INDEX_PARTITIONS = 16;

// Blind indexes of each subject's identity (postgresIdentityIndex), beside the keys so that
// erasing a key deletes its entries in the same transaction. Hash partitions on the value: a
// lookup reads one partition, and an erasure rewrites only the few that held the subject.
// Sent as one batch: a round trip per partition would slow every start-up.
const identityIndex = [
  [
    `CREATE TABLE IF NOT EXISTS subject_identity_index (
     covenant_id text NOT NULL,
     kind text NOT NULL,
     value bytea NOT NULL,
     subject_id text NOT NULL,
     PRIMARY KEY (covenant_id, kind, value, subject_id)
   ) PARTITION BY HASH (value)`,
    `CREATE INDEX IF NOT EXISTS subject_identity_index_by_subject
     ON subject_identity_index (subject_id)`,
    ...Array.from(
      { length: IDENTITY_INDEX_PARTITIONS },
      (_, remainder) =>
        `CREATE TABLE IF NOT EXISTS subject_identity_index_p${remainder}
         PARTITION OF subject_identity_index
         FOR VALUES WITH (MODULUS ${IDENTITY_INDEX_PARTITIONS}, REMAINDER ${remainder})`,
    ),
  ].join(";\n"),
];

// A row is a subject's key or, once erased, its tombstone (wrapped and key_id NULL): the
// tombstone keeps a later write from silently creating a fresh key for an erased subject.
// erased_lsn is where the WAL stood when the erasure was written: every WAL record that held
// the key lies before it, so the WAL is flushed of it once no segment up to there remains.
const statements = [
  `CREATE TABLE IF NOT EXISTS subject_keys (
     subject_id text PRIMARY KEY,
     key_id text,
     wrapped bytea,
     created_at timestamptz NOT NULL DEFAULT now(),
     erased_at timestamptz,
     erased_lsn pg_lsn
   )`,
  // Tables from before erased_lsn get it; looked up first, as ALTER TABLE would lock the table
  // against every key read at each start-up.
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'subject_keys'::regclass
                    AND attname = 'erased_lsn' AND NOT attisdropped) THEN
       ALTER TABLE subject_keys ADD COLUMN erased_lsn pg_lsn;
     END IF;
   END $$`,
];

/** Creates the key table if it is missing; safe to run from several processes at once. */
export async function createKeySchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SCHEMA_LOCK]);
    try {
      for (const statement of [...statements, ...identityIndex]) await client.query(statement);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [SCHEMA_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Creates the schema on the first call and shares that promise; a failed attempt is retried by the next call. */
export function keySchemaOnFirstUse(pool: pg.Pool): () => Promise<void> {
  let schema: Promise<void> | undefined;
  return () => {
    schema ??= createKeySchema(pool).catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
}
