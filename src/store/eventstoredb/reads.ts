import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  START as FROM_START,
  type ReadPosition,
  StreamNotFoundError,
} from "@eventstore/db-client";
import type { ReadAllOptions, ReadStreamOptions } from "../eventStore.js";
import { type RecordedEvent, START } from "../types.js";
import {
  type ClientEvent,
  isSystemEvent,
  positionOf,
  toClientPosition,
  toRecordedEvent,
} from "./mapping.js";

const DEFAULT_LIMIT = 1000;
/** $all is read in pages of at most this many records, never unbounded. */
const PAGE_SIZE = 1000;

const readFrom = (position: bigint): ReadPosition =>
  position === START ? FROM_START : toClientPosition(position);

const isOurs = (resolved: ClientEvent): boolean =>
  resolved.event !== undefined && !isSystemEvent(resolved.event.streamId, resolved.event.type);

export async function readStream(
  client: EventStoreDBClient,
  streamId: string,
  { from, direction = "forwards", limit = DEFAULT_LIMIT }: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  if (limit <= 0) return [];
  const backwards = direction === "backwards";
  const events: RecordedEvent[] = [];
  try {
    const read = client.readStream(streamId, {
      fromRevision: from === undefined ? (backwards ? END : FROM_START) : BigInt(from),
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: limit,
    });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/**
 * ESDB reads $all from a position inclusively and has no read filter in this client, so we
 * skip the record at `fromPosition` and system events ourselves, page after page.
 */
export async function readAll(
  client: EventStoreDBClient,
  { fromPosition = START, limit = DEFAULT_LIMIT }: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = fromPosition;
  while (events.length < limit) {
    const maxCount = Math.min(limit - events.length + 1, PAGE_SIZE);
    let records = 0;
    let lastPosition = cursor;
    for await (const resolved of client.readAll({ fromPosition: readFrom(cursor), maxCount })) {
      records++;
      const position = positionOf(resolved);
      if (position === undefined || (cursor !== START && position <= cursor)) continue;
      lastPosition = position;
      const event = isOurs(resolved) ? toRecordedEvent(resolved) : undefined;
      if (event) events.push(event);
      if (events.length === limit) break;
    }
    if (records < maxCount || lastPosition === cursor) break;
    cursor = lastPosition;
  }
  return events;
}

/** The last of our events, found by reading $all backwards past ESDB's own events. */
export async function headPosition(client: EventStoreDBClient): Promise<bigint> {
  let cursor: bigint | undefined;
  for (;;) {
    let records = 0;
    const previous = cursor;
    const from = cursor === undefined ? END : toClientPosition(cursor);
    for await (const resolved of client.readAll({
      direction: BACKWARDS,
      fromPosition: from,
      maxCount: PAGE_SIZE,
    })) {
      records++;
      const position = positionOf(resolved);
      if (position === undefined || (cursor !== undefined && position >= cursor)) continue;
      if (isOurs(resolved)) return position;
      cursor = position;
    }
    if (records < PAGE_SIZE || cursor === previous) return START;
  }
}

/**
 * Every stream id of ours, sorted, after `after`. ESDB keeps no stream index we can page by
 * name, so this scans $all page by page: fine for verification, too slow for a request path.
 */
export async function listStreams(
  client: EventStoreDBClient,
  { after, limit = DEFAULT_LIMIT }: { after?: string; limit?: number } = {},
): Promise<string[]> {
  const streams = new Set<string>();
  let cursor = START;
  for (;;) {
    const page = await readAll(client, { fromPosition: cursor, limit: PAGE_SIZE });
    for (const event of page) {
      if (after === undefined || event.streamId > after) streams.add(event.streamId);
    }
    if (page.length < PAGE_SIZE) break;
    cursor = page[page.length - 1]!.position;
  }
  return [...streams].sort().slice(0, limit);
}
