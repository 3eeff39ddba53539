import type BetterSqlite3 from "better-sqlite3";

// A row is a subject's key or, once erased, its tombstone (wrapped and key_id NULL): the
// tombstone keeps a later write from silently creating a fresh key for an erased subject.
const statements = [
  `CREATE TABLE IF NOT EXISTS subject_keys (
     subject_id TEXT PRIMARY KEY,
     key_id TEXT,
     wrapped BLOB,
     created_at TEXT NOT NULL,
     erased_at TEXT
   )`,
  // Blind indexes of each subject's identity (sqliteIdentityIndex), erased with its key.
  // WITHOUT ROWID: each entry is stored once, in the primary key a lookup searches.
  `CREATE TABLE IF NOT EXISTS subject_identity_index (
     covenant_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     value BLOB NOT NULL,
     subject_id TEXT NOT NULL,
     PRIMARY KEY (covenant_id, kind, value, subject_id)
   ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS subject_identity_index_by_subject
     ON subject_identity_index (subject_id)`,
];

/** Creates the key table if it is missing; idempotent. */
export function createKeySchema(db: BetterSqlite3.Database): void {
  for (const statement of statements) db.exec(statement);
}
