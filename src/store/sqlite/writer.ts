import { DuplicateEventIdError, WrongExpectedRevisionError } from "../errors.js";
import type { Settled } from "../groupCommit.js";
import { envelopeAroundRevision, GENESIS_HASH, splitEnvelopeHash } from "../hashChain.js";
import type { AppendResult, ExpectedRevision, NewEvent } from "../types.js";
import type { StoredRow } from "./committedTail.js";
import type { Database } from "./database.js";

export interface AppendRequest {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

interface StreamHead {
  /** The stream's row key; undefined until its first event is written. */
  key: bigint | undefined;
  revision: number;
  hash: string;
}

const NO_STREAM: StreamHead = { key: undefined, revision: -1, hash: GENESIS_HASH };

/** What a flush settled, and the rows it committed in position order (for the store's subscribers). */
export interface Flushed {
  results: Settled<AppendResult>[];
  rows: StoredRow[];
}

/**
 * Builds the group-commit flush: one transaction per batch, one savepoint per request, so a
 * request that conflicts rolls back alone while its neighbours commit together.
 */
export function batchWriter(db: Database): (batch: AppendRequest[]) => Flushed {
  const headOf = db
    .prepare<[string], [bigint, bigint, string]>(
      "SELECT stream_key, revision, last_hash FROM streams WHERE stream_id = ?",
    )
    .raw()
    .safeIntegers();
  const createStream = db
    .prepare<[string, string], bigint>(
      "INSERT INTO streams (stream_id, revision, last_hash) VALUES (?, -1, ?) RETURNING stream_key",
    )
    .pluck()
    .safeIntegers();
  const lastPosition = db
    .prepare<[], bigint | null>("SELECT max(position) FROM events")
    .pluck()
    .safeIntegers();
  const insertEvent = db.prepare(
    `INSERT INTO events (position, event_id, stream_key, stream_id, revision, type,
       schema_version, recorded_at, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const saveHead = db.prepare(
    "UPDATE streams SET revision = ?, last_hash = ? WHERE stream_key = ?",
  );

  // Heads written earlier in this batch, so two appends to one stream in a batch see each other.
  const heads = new Map<string, StreamHead>();
  let position = 0n;
  // Rows of the requests whose savepoint held, until the batch's transaction commits.
  let written: StoredRow[] = [];

  const appendOne = db.transaction((request: AppendRequest, recordedAt: string): AppendResult => {
    const { streamId, events, expectedRevision } = request;
    const head = currentHead(streamId);
    if (!matches(expectedRevision, head.revision)) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, head.revision);
    }
    rejectRepeatedIds(events);
    if (events.length === 0) return { nextRevision: head.revision, position };

    const key = head.key ?? createStream.get(streamId, GENESIS_HASH)!;
    let { revision, hash } = head;
    let next = position;
    const rows: StoredRow[] = [];
    for (const event of events) {
      const schemaVersion = event.schemaVersion ?? 1;
      // The data and metadata are serialised once, canonically: the hash is over that text, and
      // that text is what is stored.
      const envelope = envelopeAroundRevision({
        eventId: event.eventId,
        streamId,
        type: event.type,
        schemaVersion,
        recordedAt,
        data: event.data,
        metadata: event.metadata ?? {},
      });
      const prevHash = hash;
      hash = splitEnvelopeHash(prevHash, envelope, ++revision);
      const row: StoredRow = {
        eventId: event.eventId,
        streamId,
        revision,
        type: event.type,
        schemaVersion,
        recordedAt,
        data: envelope.data,
        metadata: envelope.metadata,
        prevHash,
        position: ++next,
        hash,
      };
      try {
        insertEvent.run(
          row.position,
          row.eventId,
          key,
          streamId,
          row.revision,
          row.type,
          row.schemaVersion,
          recordedAt,
          row.data,
          row.metadata,
          row.prevHash,
          hash,
        );
      } catch (error) {
        if (isDuplicateEventId(error)) throw new DuplicateEventIdError(event.eventId);
        throw error;
      }
      rows.push(row);
    }
    saveHead.run(revision, hash, key);
    heads.set(streamId, { key, revision, hash });
    position = next;
    written.push(...rows);
    return { nextRevision: revision, position };
  });

  const writeBatch = db.transaction((batch: AppendRequest[]): Settled<AppendResult>[] => {
    const recordedAt = new Date().toISOString();
    return batch.map((request) => {
      try {
        return { ok: true, value: appendOne(request, recordedAt) };
      } catch (error) {
        return { ok: false, error };
      }
    });
  });

  return (batch) => {
    position = lastPosition.get() ?? 0n;
    try {
      const results = writeBatch(batch);
      return { results, rows: written };
    } finally {
      heads.clear();
      written = [];
    }
  };

  function rejectRepeatedIds(events: readonly NewEvent[]): void {
    const ids = new Set<string>();
    for (const { eventId } of events) {
      if (ids.has(eventId)) throw new DuplicateEventIdError(eventId);
      ids.add(eventId);
    }
  }

  function currentHead(streamId: string): StreamHead {
    const inBatch = heads.get(streamId);
    if (inBatch) return inBatch;
    const row = headOf.get(streamId);
    return row ? { key: row[0], revision: Number(row[1]), hash: row[2] } : NO_STREAM;
  }
}

function matches(expected: ExpectedRevision, actual: number): boolean {
  if (expected === "any") return true;
  if (expected === "no_stream") return actual === -1;
  if (expected === "exists") return actual >= 0;
  return expected === actual;
}

function isDuplicateEventId(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === "SQLITE_CONSTRAINT_UNIQUE" &&
    typeof message === "string" &&
    message.includes("events.event_id")
  );
}
