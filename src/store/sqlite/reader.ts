import type { ReadAllOptions, ReadStreamOptions } from "../eventStore.js";
import type { RecordedEvent } from "../types.js";
import type { Database } from "./database.js";
import { OUTSIDE_READ_RECORDS } from "./schema.js";

const COLUMNS = `position, event_id, stream_id, revision, type, schema_version, recorded_at,
  data, metadata, prev_hash, hash`;

const STREAM_KEY = "SELECT stream_key FROM streams WHERE stream_id = ?";

type Row = [bigint, string, string, bigint, string, bigint, string, string, string, string, string];

const DEFAULT_LIMIT = 1000;

/** Prepared reads; rows come back as arrays with 64-bit integers, the fastest path to events. */
export function eventReader(db: Database) {
  const prepare = (sql: string) => db.prepare(sql).raw().safeIntegers();
  const forwards = prepare(
    `SELECT ${COLUMNS} FROM events WHERE stream_key = (${STREAM_KEY}) AND revision >= ?
     ORDER BY revision LIMIT ?`,
  );
  const backwards = prepare(
    `SELECT ${COLUMNS} FROM events WHERE stream_key = (${STREAM_KEY}) AND revision <= ?
     ORDER BY revision DESC LIMIT ?`,
  );
  const all = prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
  // INDEXED BY: a query the partial index cannot answer fails here rather than scanning.
  const allButReadRecords = prepare(
    `SELECT ${COLUMNS} FROM events INDEXED BY events_outside_read_records
     WHERE ${OUTSIDE_READ_RECORDS} AND position > ? ORDER BY position LIMIT ?`,
  );
  const byId = prepare(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`);
  const head = db.prepare("SELECT max(position) FROM events").pluck().safeIntegers();
  const streams = db
    .prepare("SELECT stream_id FROM streams WHERE stream_id > ? ORDER BY stream_id LIMIT ?")
    .pluck();

  return {
    readStream(streamId: string, options: ReadStreamOptions = {}): RecordedEvent[] {
      const limit = options.limit ?? DEFAULT_LIMIT;
      const rows =
        options.direction === "backwards"
          ? backwards.all(streamId, options.from ?? Number.MAX_SAFE_INTEGER, limit)
          : forwards.all(streamId, options.from ?? 0, limit);
      return (rows as Row[]).map(toEvent);
    },
    readEvent(eventId: string): RecordedEvent | undefined {
      const row = byId.get(eventId) as Row | undefined;
      return row && toEvent(row);
    },
    readAll(options: ReadAllOptions = {}): RecordedEvent[] {
      const rows = all.all(options.fromPosition ?? 0n, options.limit ?? DEFAULT_LIMIT);
      return (rows as Row[]).map(toEvent);
    },
    readAllExceptReadRecords(options: ReadAllOptions = {}): RecordedEvent[] {
      const rows = allButReadRecords.all(
        options.fromPosition ?? 0n,
        options.limit ?? DEFAULT_LIMIT,
      );
      return (rows as Row[]).map(toEvent);
    },
    headPosition(): bigint {
      return (head.get() as bigint | null) ?? 0n;
    },
    listStreams(options: { after?: string; limit?: number } = {}): string[] {
      return streams.all(options.after ?? "", options.limit ?? DEFAULT_LIMIT) as string[];
    },
  };
}

export type EventReader = ReturnType<typeof eventReader>;

function toEvent(row: Row): RecordedEvent {
  return {
    position: row[0],
    eventId: row[1],
    streamId: row[2],
    revision: Number(row[3]),
    type: row[4],
    schemaVersion: Number(row[5]),
    recordedAt: row[6],
    data: JSON.parse(row[7]),
    metadata: JSON.parse(row[8]),
    prevHash: row[9],
    hash: row[10],
  };
}
