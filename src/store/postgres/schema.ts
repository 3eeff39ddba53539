import type pg from "pg";
import { READ_RECORD_STREAM_PREFIX } from "../eventStore.js";
import { APPEND_FUNCTION } from "./appendFunction.js";

export { APPEND_LOCK, APPENDED_CHANNEL } from "./appendFunction.js";

/** Advisory lock held while creating the schema, so two processes starting at once do not race. */
const SCHEMA_LOCK = 727_001_000;

/** The partial index's condition; a query repeats it so the planner can prove the index applies. */
export const OUTSIDE_READ_RECORDS = `NOT starts_with(stream_id, '${READ_RECORD_STREAM_PREFIX}')`;

// Positions are assigned by the writer holding APPEND_LOCK, not by a bigserial: a sequence
// hands out numbers before commit, so a lower position could commit later (DESIGN.md §2).
// `data` and `metadata` are json, not jsonb: json keeps the text as written and accepts
// every string JSON.stringify produces (jsonb rejects \u0000 and lone surrogates).
const statements = [
  `CREATE TABLE IF NOT EXISTS events (
     position bigint PRIMARY KEY,
     event_id text NOT NULL,
     stream_id text COLLATE "C" NOT NULL,
     revision integer NOT NULL,
     type text NOT NULL,
     schema_version integer NOT NULL,
     recorded_at timestamptz NOT NULL,
     data json NOT NULL,
     metadata json NOT NULL,
     prev_hash text NOT NULL,
     hash text NOT NULL
   )`,
  "CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id)",
  "CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision)",
  // Every event outside the read-record streams, so a start-up can page past the read records.
  `CREATE INDEX IF NOT EXISTS events_outside_read_records ON events (position)
     WHERE ${OUTSIDE_READ_RECORDS}`,
  `CREATE TABLE IF NOT EXISTS streams (
     stream_id text COLLATE "C" PRIMARY KEY,
     revision integer NOT NULL,
     hash text NOT NULL,
     position bigint NOT NULL
   )`,
  APPEND_FUNCTION,
];

/** Creates the event tables if they are missing; safe to run from several processes at once. */
export async function createSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
