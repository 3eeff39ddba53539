import type { Database } from "./database.js";

/**
 * Events in global order (position is the rowid) and one row per stream holding its head,
 * so an append finds the current revision and last hash with one primary-key lookup.
 */
export function ensureEventSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (stream_id, revision)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS streams (
      stream_id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL,
      last_hash TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
