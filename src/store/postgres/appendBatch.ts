import type pg from "pg";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../errors.js";
import type { Settled } from "../groupCommit.js";
import { eventHash, GENESIS_HASH } from "../hashChain.js";
import { type AppendResult, type ExpectedRevision, type NewEvent, START } from "../types.js";
import { APPEND_LOCK, APPENDED_CHANNEL } from "./schema.js";

/**
 * Opens an append transaction: durable whatever the server's default, aborted if its process
 * stalls while holding the append lock, and serialized with every other append (see schema.ts).
 */
export const BEGIN_APPEND = `BEGIN;
  SET LOCAL synchronous_commit = on;
  SET LOCAL idle_in_transaction_session_timeout = '10s';
  SELECT pg_advisory_xact_lock(${APPEND_LOCK})`;

/** One caller's append, as queued for group commit. */
export interface AppendRequest {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

interface StreamHead {
  revision: number;
  hash: string;
  position: bigint;
}

const readState = `
  SELECT (SELECT coalesce(max(position), 0) FROM events)::text AS head,
    coalesce((SELECT json_agg(json_build_array(stream_id, revision, hash, position::text))
              FROM streams WHERE stream_id = ANY($1::text[])), '[]') AS heads,
    coalesce((SELECT array_agg(event_id) FROM events WHERE event_id = ANY($2::text[])), '{}') AS taken`;

// One statement writes every event of the batch, moves the stream heads and wakes other processes.
const writeRows = `
  WITH written AS (
    INSERT INTO events (position, event_id, stream_id, revision, type, schema_version,
                        recorded_at, data, metadata, prev_hash, hash)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[],
                         $7::timestamptz[], $8::json[], $9::json[], $10::text[], $11::text[])
    RETURNING 1
  ), heads AS (
    INSERT INTO streams (stream_id, revision, hash, position)
    SELECT * FROM unnest($12::text[], $13::int[], $14::text[], $15::bigint[])
    ON CONFLICT (stream_id) DO UPDATE
      SET revision = excluded.revision, hash = excluded.hash, position = excluded.position
    RETURNING 1
  )
  SELECT pg_notify('${APPENDED_CHANNEL}', $16)`;

function accepts(expected: ExpectedRevision, actual: number): boolean {
  if (expected === "any") return true;
  if (expected === "no_stream") return actual === -1;
  if (expected === "exists") return actual >= 0;
  return expected === actual;
}

/**
 * Appends a batch of requests inside the caller's transaction, which must hold APPEND_LOCK: no
 * other writer runs meanwhile, so stream heads and taken ids are checked here, request by
 * request, and a conflicting request fails alone before anything is written.
 */
export async function appendBatch(
  client: pg.ClientBase,
  requests: readonly AppendRequest[],
): Promise<Settled<AppendResult>[]> {
  const streamIds = [...new Set(requests.map((r) => r.streamId))];
  const eventIds = requests.flatMap((r) => r.events.map((e) => e.eventId));
  const { rows } = await client.query(readState, [streamIds, eventIds]);
  const state = rows[0] as {
    head: string;
    heads: [string, number, string, string][];
    taken: string[];
  };

  let position = BigInt(state.head);
  const heads = new Map<string, StreamHead>(
    state.heads.map(([id, revision, hash, at]) => [id, { revision, hash, position: BigInt(at) }]),
  );
  const taken = new Set(state.taken);
  const moved = new Set<string>();
  const recordedAt = new Date().toISOString();
  const columns: unknown[][] = Array.from({ length: 11 }, () => []);
  const results: Settled<AppendResult>[] = [];

  for (const { streamId, events, expectedRevision } of requests) {
    const head = heads.get(streamId);
    const actual = head?.revision ?? -1;
    if (!accepts(expectedRevision, actual)) {
      results.push({
        ok: false,
        error: new WrongExpectedRevisionError(streamId, expectedRevision, actual),
      });
      continue;
    }
    const ids = events.map((e) => e.eventId);
    const duplicate = ids.find((id, i) => taken.has(id) || ids.indexOf(id) !== i);
    if (duplicate !== undefined) {
      results.push({ ok: false, error: new DuplicateEventIdError(duplicate) });
      continue;
    }
    let prevHash = head?.hash ?? GENESIS_HASH;
    let revision = actual;
    for (const event of events) {
      revision++;
      position++;
      const envelope = {
        eventId: event.eventId,
        streamId,
        revision,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        recordedAt,
        data: event.data,
        metadata: event.metadata ?? {},
        prevHash,
      };
      const hash = eventHash(envelope);
      const row = [
        position.toString(),
        event.eventId,
        streamId,
        revision,
        event.type,
        envelope.schemaVersion,
        recordedAt,
        JSON.stringify(envelope.data),
        JSON.stringify(envelope.metadata),
        prevHash,
        hash,
      ];
      for (const [column, value] of row.entries()) columns[column]!.push(value);
      taken.add(event.eventId);
      prevHash = hash;
    }
    if (events.length === 0) {
      results.push({
        ok: true,
        value: { nextRevision: actual, position: head?.position ?? START },
      });
      continue;
    }
    heads.set(streamId, { revision, hash: prevHash, position });
    moved.add(streamId);
    results.push({ ok: true, value: { nextRevision: revision, position } });
  }

  if (columns[0]!.length > 0) {
    const streams = [...moved].map((id) => [id, heads.get(id)!] as const);
    await client.query(writeRows, [
      ...columns,
      streams.map(([id]) => id),
      streams.map(([, h]) => h.revision),
      streams.map(([, h]) => h.hash),
      streams.map(([, h]) => h.position.toString()),
      position.toString(),
    ]);
  }
  return results;
}
