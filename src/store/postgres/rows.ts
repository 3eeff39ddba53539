import type pg from "pg";
import type { RecordedEvent } from "../types.js";

// Rows come back as arrays of raw text and are decoded here: pg's per-column parsers and
// per-row objects cost more than the query itself when reading a page of the log.
const columns = `position, event_id, stream_id, revision, type, schema_version,
  recorded_at AT TIME ZONE 'UTC', data, metadata, prev_hash, hash`;
const asText = { getTypeParser: () => (value: string) => value };

/** PostgreSQL's "YYYY-MM-DD HH:MM:SS[.fff]" in UTC, as the ISO-8601 string the envelope hashed. */
function isoUtc(text: string): string {
  const [date, time = ""] = text.split(" ");
  const [seconds, fraction = ""] = time.split(".");
  return `${date}T${seconds}.${`${fraction}000`.slice(0, 3)}Z`;
}

function toRecorded(row: string[]): RecordedEvent {
  return {
    eventId: row[1]!,
    streamId: row[2]!,
    revision: Number(row[3]),
    position: BigInt(row[0]!),
    type: row[4]!,
    schemaVersion: Number(row[5]),
    recordedAt: isoUtc(row[6]!),
    data: JSON.parse(row[7]!),
    metadata: JSON.parse(row[8]!),
    prevHash: row[9]!,
    hash: row[10]!,
  };
}

/** Reads events matching `where` (which also orders and limits) as recorded envelopes. */
export async function selectEvents(
  pool: pg.Pool,
  where: string,
  values: unknown[],
): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<string[]>({
    text: `SELECT ${columns} FROM events WHERE ${where}`,
    values,
    rowMode: "array",
    types: asText,
  });
  return rows.map(toRecorded);
}
