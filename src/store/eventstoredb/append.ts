import {
  BACKWARDS,
  END,
  type EventData,
  type EventStoreDBClient,
  NO_STREAM,
  StreamNotFoundError,
} from "@eventstore/db-client";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../errors.js";
import { eventHash, GENESIS_HASH } from "../hashChain.js";
import type { AppendResult, ExpectedRevision, NewEvent } from "../types.js";
import {
  positionOf,
  toEventData,
  toPosition,
  toRecordedEvent,
  toRevision,
  toStoreError,
} from "./mapping.js";

/** How many of the stream's last events are checked for a re-sent event id. */
export const DUPLICATE_WINDOW = 20;
/** Chain races with another process under 'any' or 'exists' are retried this often. */
const CHAIN_RETRIES = 10;

interface Tail {
  revision: number;
  hash: string;
  position: bigint | undefined;
  eventIds: Set<string>;
}

async function readTail(client: EventStoreDBClient, streamId: string): Promise<Tail> {
  const tail: Tail = { revision: -1, hash: GENESIS_HASH, position: undefined, eventIds: new Set() };
  try {
    const read = client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: DUPLICATE_WINDOW,
    });
    for await (const resolved of read) {
      const event = resolved.event;
      if (!event) continue;
      if (tail.revision === -1) {
        tail.revision = toRevision(event.revision);
        tail.hash = toRecordedEvent(resolved)?.hash ?? "";
        tail.position = positionOf(resolved);
      }
      tail.eventIds.add(event.id);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return tail;
}

/** Whether a stream at `actual` (-1: absent) meets the writer's expectation. */
export function meetsExpectation(expected: ExpectedRevision, actual: number): boolean {
  if (expected === "any") return true;
  if (expected === "no_stream") return actual === -1;
  if (expected === "exists") return actual >= 0;
  return actual === expected;
}

function rejectRepeatedIds(events: readonly NewEvent[], stored: Set<string>): void {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId) || stored.has(eventId)) throw new DuplicateEventIdError(eventId);
    seen.add(eventId);
  }
}

/** The events as ESDB event data, each hashed onto the one before, starting at the stream's tail. */
export function chained(
  streamId: string,
  tail: { revision: number; hash: string },
  events: readonly NewEvent[],
  recordedAt: string,
): EventData[] {
  let prevHash = tail.hash;
  return events.map((event, i) => {
    const schemaVersion = event.schemaVersion ?? 1;
    const metadata = event.metadata ?? {};
    const revision = tail.revision + 1 + i;
    const hash = eventHash({
      ...event,
      streamId,
      revision,
      schemaVersion,
      recordedAt,
      metadata,
      prevHash,
    });
    const stored = { metadata, schemaVersion, recordedAt, prevHash, hash };
    prevHash = hash;
    return toEventData(event, stored);
  });
}

/**
 * Appends with the hash chain: read the stream's tail, chain the new events to its last hash,
 * and append expecting exactly that tail revision, so a racing writer can never fork the chain.
 *
 * Event ids: the port rejects any id already stored. ESDB has no index by event id (a re-sent id
 * is treated as an idempotent retry at best), so we reject ids repeated in the batch or found in
 * the stream's last DUPLICATE_WINDOW events; an id reused in another stream is NOT detected.
 */
export async function appendWithChain(
  client: EventStoreDBClient,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt++) {
    const tail = await readTail(client, streamId);
    if (!meetsExpectation(expected, tail.revision)) {
      throw new WrongExpectedRevisionError(streamId, expected, tail.revision);
    }
    if (events.length === 0) return { nextRevision: tail.revision, position: tail.position ?? 0n };
    rejectRepeatedIds(events, tail.eventIds);
    const data = chained(streamId, tail, events, new Date().toISOString());
    try {
      const result = await client.appendToStream(streamId, data, {
        expectedRevision: tail.revision === -1 ? NO_STREAM : BigInt(tail.revision),
      });
      const position = result.position
        ? toPosition(result.position.commit)
        : ((await readTail(client, streamId)).position ?? 0n);
      return { nextRevision: toRevision(result.nextExpectedRevision), position };
    } catch (error) {
      const mapped = toStoreError(error, streamId, expected);
      const chainRace = expected === "any" || expected === "exists";
      if (mapped instanceof WrongExpectedRevisionError && chainRace && attempt < CHAIN_RETRIES)
        continue;
      throw mapped;
    }
  }
}
