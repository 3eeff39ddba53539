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
];

/** Creates the key table if it is missing; idempotent. */
export function createKeySchema(db: BetterSqlite3.Database): void {
  for (const statement of statements) db.exec(statement);
}
