import { READ_RECORD_STREAM_PREFIX } from "../eventStore.js";
import type { Database } from "./database.js";

/**
 * The condition of the partial index below, word for word: SQLite uses a partial index only
 * for a query that repeats its condition. substr compares exactly (LIKE would ignore case).
 */
export const OUTSIDE_READ_RECORDS = `substr(stream_id, 1, ${READ_RECORD_STREAM_PREFIX.length}) <> '${READ_RECORD_STREAM_PREFIX}'`;

/**
 * Events in global order (position is the rowid) and one row per stream holding its head, so
 * an append finds the revision and last hash with one lookup. Events are indexed by a stream
 * key that grows with each new stream rather than by the stream id: busy streams are mostly
 * recent ones, so a group commit dirties a few index pages instead of one page per stream.
 * A partial index holds the positions of every event outside the read-record streams, so a
 * start-up can page past millions of read records; a file written before it gets it on open.
 */
export function ensureEventSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS streams (
      stream_key INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL UNIQUE,
      revision INTEGER NOT NULL,
      last_hash TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      stream_key INTEGER NOT NULL REFERENCES streams (stream_key),
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (stream_key, revision)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS events_outside_read_records ON events (position)
      WHERE ${OUTSIDE_READ_RECORDS};
  `);
}
