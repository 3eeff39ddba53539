import {
  ANY,
  type AppendExpectedRevision,
  type EventData,
  jsonEvent,
  NO_STREAM,
  type Position,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { WrongExpectedRevisionError } from "../errors.js";
import type { EventMetadata, ExpectedRevision, JsonObject, RecordedEvent } from "../types.js";

/** Our expected revision in the client's words; a number becomes the stream revision as bigint. */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === "any") return ANY;
  if (expected === "no_stream") return NO_STREAM;
  if (expected === "exists") return STREAM_EXISTS;
  return BigInt(expected);
}

/**
 * A revision the client reports (bigint, or a string/number from metadata on older paths) as our
 * number; 'no_stream', a negative sentinel or nothing becomes -1, the port's "no stream".
 */
export function toRevision(value: bigint | number | string | undefined | null): number {
  if (value === undefined || value === null) return -1;
  if (typeof value === "string" && !/^-?\d+$/.test(value)) return -1;
  const revision = BigInt(value);
  return revision < 0n ? -1 : Number(revision);
}

/** The client's conflict error as ours; anything else is returned unchanged. */
export function toStoreError(
  error: unknown,
  streamId: string,
  expected: ExpectedRevision,
): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  return new WrongExpectedRevisionError(streamId, expected, toRevision(error.actualVersion));
}

/** ESDB reports "no position" on some read paths as the largest unsigned 64-bit value. */
const NO_POSITION = 2n ** 64n - 1n;

/** The one conversion from whatever the client gives as a commit position to our bigint. */
export function toPosition(value: bigint | number | string): bigint {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`position ${value} is not a safe integer`);
  }
  const position = BigInt(value);
  if (position < 0n || position === NO_POSITION) throw new RangeError("no position reported");
  return position;
}

/**
 * Our exclusive position as the client's read position. Appends over gRPC are implicit
 * transactions, so every event's commit position equals its prepare position.
 */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** ESDB's own events ($stats, $metadata, links `$>`, projections): never part of our history. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith("$") || type.startsWith("$");
}

/** Our envelope fields travel in the event's metadata JSON, beside the caller's metadata. */
export interface StoredMetadata {
  metadata: EventMetadata;
  schemaVersion: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export function toEventData(
  event: { eventId: string; type: string; data: JsonObject },
  stored: StoredMetadata,
): EventData {
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: stored });
}

/** What the client hands back for one event, narrowed to the fields we read. */
export interface ClientEvent {
  event?: {
    streamId: string;
    id: string;
    revision: bigint;
    type: string;
    isJson: boolean;
    data: unknown;
    metadata?: unknown;
    position?: Position;
  };
  commitPosition?: bigint;
}

/** The event's commit position as ours, from whichever field this read path filled in. */
export function positionOf(resolved: ClientEvent): bigint | undefined {
  const commit = [resolved.event?.position?.commit, resolved.commitPosition].find(
    (candidate) => candidate !== undefined && candidate !== NO_POSITION,
  );
  return commit === undefined ? undefined : toPosition(commit);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

/**
 * One of our events as a RecordedEvent; undefined for system events. An event written past the
 * adapter (no envelope) keeps empty hashes, so verification reports it as a broken link.
 */
export function toRecordedEvent(resolved: ClientEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const stored = isObject(event.metadata) ? event.metadata : {};
  const commit = positionOf(resolved);
  if (commit === undefined) throw new RangeError("no position reported; EventStoreDB 22.6+ needed");
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: toRevision(event.revision),
    position: commit,
    type: event.type,
    schemaVersion: typeof stored.schemaVersion === "number" ? stored.schemaVersion : 1,
    recordedAt: typeof stored.recordedAt === "string" ? stored.recordedAt : "",
    data: event.isJson && isObject(event.data) ? (event.data as JsonObject) : {},
    metadata: isObject(stored.metadata) ? (stored.metadata as EventMetadata) : {},
    prevHash: typeof stored.prevHash === "string" ? stored.prevHash : "",
    hash: typeof stored.hash === "string" ? stored.hash : "",
  };
}
