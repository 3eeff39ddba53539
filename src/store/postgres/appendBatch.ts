import type pg from "pg";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../errors.js";
import type { Settled } from "../groupCommit.js";
import { envelopeAroundRevision } from "../hashChain.js";
import type { AppendResult, ExpectedRevision, NewEvent } from "../types.js";

/** One caller's append, as queued for group commit. */
export interface AppendRequest {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

interface Outcome {
  outcome: "written" | "wrong_revision" | "duplicate";
  at_revision: number;
  at_position: string | null;
  duplicate_id: string | null;
}

const callAppend = {
  name: "casustafel_append",
  text: "SELECT * FROM casustafel_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
};

/** The expectation as the function compares it with the stream's revision, as text. */
function expectation(expected: ExpectedRevision): string {
  if (typeof expected !== "number") return expected;
  // A number no stored revision can equal (1.5, 2^53) must still be refused, never cast.
  return Number.isSafeInteger(expected) ? String(expected) : "unreachable";
}

function parameters(requests: readonly AppendRequest[]): unknown[] {
  const recordedAt = new Date().toISOString();
  const columns: unknown[][] = Array.from({ length: 8 }, () => []);
  for (const { streamId, events } of requests) {
    for (const event of events) {
      const schemaVersion = event.schemaVersion ?? 1;
      const metadata = event.metadata ?? {};
      const envelope = envelopeAroundRevision({
        eventId: event.eventId,
        streamId,
        type: event.type,
        schemaVersion,
        recordedAt,
        data: event.data,
        metadata,
      });
      const row = [
        event.eventId,
        event.type,
        schemaVersion,
        envelope.data,
        envelope.metadata,
        envelope.head,
        envelope.tail,
      ];
      for (const [column, value] of row.entries()) columns[column]!.push(value);
    }
  }
  const [eventIds, types, schemaVersions, data, metadata, heads, tails] = columns;
  return [
    requests.map((r) => r.streamId),
    requests.map((r) => expectation(r.expectedRevision)),
    requests.map((r) => r.events.length),
    eventIds,
    types,
    schemaVersions,
    recordedAt,
    data,
    metadata,
    heads,
    tails,
  ];
}

function settle(request: AppendRequest, row: Outcome | undefined): Settled<AppendResult> {
  if (!row) return { ok: false, error: new Error("the append function returned no outcome") };
  if (row.outcome === "wrong_revision") {
    const { streamId, expectedRevision } = request;
    const error = new WrongExpectedRevisionError(streamId, expectedRevision, row.at_revision);
    return { ok: false, error };
  }
  if (row.outcome === "duplicate") {
    return { ok: false, error: new DuplicateEventIdError(row.duplicate_id ?? "") };
  }
  return { ok: true, value: { nextRevision: row.at_revision, position: BigInt(row.at_position!) } };
}

/**
 * Appends a batch of requests in one statement (the append function, appendFunction.ts): one
 * round trip, committed when the statement ends unless the caller opened a transaction. Each
 * request settles on its own: a conflict fails it alone, before anything is written.
 */
export async function appendBatch(
  client: pg.Pool | pg.ClientBase,
  requests: readonly AppendRequest[],
): Promise<Settled<AppendResult>[]> {
  const { rows } = await client.query<Outcome>({ ...callAppend, values: parameters(requests) });
  return requests.map((request, i) => settle(request, rows[i]));
}
