import {
  AccessDeniedError,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  type EventStoreDBClient,
  FORWARDS,
  START as FROM_START,
  NotLeaderError,
  type ReadPosition,
  type ReadRevision,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
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
/** Backward scans usually stop within a few records, so they fetch less at a time. */
const BACKWARD_PAGE_SIZE = 100;

const readFrom = (position: bigint): ReadPosition =>
  position === START ? FROM_START : toClientPosition(position);

const isOurs = (resolved: ClientEvent): boolean =>
  resolved.event !== undefined && !isSystemEvent(resolved.event.streamId, resolved.event.type);

async function readRevisions(
  client: EventStoreDBClient,
  streamId: string,
  fromRevision: ReadRevision,
  backwards: boolean,
  maxCount: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    const direction = backwards ? BACKWARDS : FORWARDS;
    for await (const resolved of client.readStream(streamId, {
      fromRevision,
      direction,
      maxCount,
    })) {
      const event = toRecordedEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

export async function readStream(
  client: EventStoreDBClient,
  streamId: string,
  { from, direction = "forwards", limit = DEFAULT_LIMIT }: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  if (limit <= 0) return [];
  const backwards = direction === "backwards";
  const start = from === undefined ? (backwards ? END : FROM_START) : BigInt(from);
  const events = await readRevisions(client, streamId, start, backwards, limit);
  // Reading backwards from past the end is "from the end" in the port; not every server clamps.
  if (backwards && from !== undefined && events.length === 0) {
    return readRevisions(client, streamId, END, true, limit);
  }
  return events;
}

/**
 * An event by id, in one stream only: ESDB keeps no index by event id. The stream is read from
 * its end, page by page, since the write a retry looks for is usually among the last.
 */
export async function readEvent(
  client: EventStoreDBClient,
  streamId: string,
  eventId: string,
): Promise<RecordedEvent | undefined> {
  let from: ReadRevision = END;
  for (;;) {
    const page = await readRevisions(client, streamId, from, true, BACKWARD_PAGE_SIZE);
    const found = page.find((event) => event.eventId === eventId);
    if (found) return found;
    const oldest = page.at(-1);
    if (!oldest || oldest.revision === 0 || page.length < BACKWARD_PAGE_SIZE) return undefined;
    from = BigInt(oldest.revision - 1);
  }
}

/** Connection trouble, as opposed to the server refusing a position that is not a record's. */
const isTransient = (error: unknown): boolean =>
  [
    UnavailableError,
    DeadlineExceededError,
    TimeoutError,
    NotLeaderError,
    CancelledError,
    AccessDeniedError,
  ].some((type) => error instanceof type);

async function readPage(
  client: EventStoreDBClient,
  from: bigint,
  maxCount: number,
): Promise<ClientEvent[]> {
  const page: ClientEvent[] = [];
  const read = async (position: bigint): Promise<ClientEvent[]> => {
    for await (const resolved of client.readAll({ fromPosition: readFrom(position), maxCount }))
      page.push(resolved);
    return page;
  };
  try {
    return await read(from);
  } catch (error) {
    if (from === START || page.length > 0 || isTransient(error)) throw error;
    // `from` is not where a record starts (e.g. head - 1n): start at the record before it.
    return read(await findBackwards(client, (_, position) => position <= from));
  }
}

/**
 * ESDB reads $all from a position inclusively and has no read filter in this client, so we
 * skip records at or before `fromPosition`, system events and events `keep` refuses ourselves,
 * page after page (no index: leaving out read records still reads them from the server).
 */
export async function readAll(
  client: EventStoreDBClient,
  { fromPosition = START, limit = DEFAULT_LIMIT }: ReadAllOptions = {},
  keep: (event: RecordedEvent) => boolean = () => true,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = fromPosition;
  while (events.length < limit) {
    const maxCount = Math.min(limit - events.length + 1, PAGE_SIZE);
    const page = await readPage(client, cursor, maxCount);
    let lastPosition = cursor;
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (position === undefined || (cursor !== START && position <= cursor)) continue;
      lastPosition = position;
      const event = isOurs(resolved) ? toRecordedEvent(resolved) : undefined;
      if (event && keep(event) && events.length < limit) events.push(event);
    }
    if (page.length < maxCount || lastPosition === cursor) break;
    cursor = lastPosition;
  }
  return events;
}

/** Reads $all backwards from the end, page by page, to the first record `found` accepts. */
async function findBackwards(
  client: EventStoreDBClient,
  found: (resolved: ClientEvent, position: bigint) => boolean,
): Promise<bigint> {
  let cursor: bigint | undefined;
  for (;;) {
    let records = 0;
    const previous = cursor;
    const fromPosition = cursor === undefined ? END : toClientPosition(cursor);
    for await (const resolved of client.readAll({
      direction: BACKWARDS,
      fromPosition,
      maxCount: BACKWARD_PAGE_SIZE,
    })) {
      records++;
      const position = positionOf(resolved);
      if (position === undefined || (cursor !== undefined && position >= cursor)) continue;
      if (found(resolved, position)) return position;
      cursor = position;
    }
    if (records < BACKWARD_PAGE_SIZE || cursor === previous) return START;
  }
}

/** The last of our events, found by reading $all backwards past ESDB's own events. */
export const headPosition = (client: EventStoreDBClient): Promise<bigint> =>
  findBackwards(client, (resolved) => isOurs(resolved));

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
