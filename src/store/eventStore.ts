import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from "./types.js";

export interface ReadStreamOptions {
  /** First revision to read (forwards) or last (backwards); default: the stream's start or end. */
  from?: number;
  direction?: "forwards" | "backwards";
  /** At most this many events; default 1000. */
  limit?: number;
}

/**
 * Read records (DESIGN.md §3 rule 8) live in streams whose ids start with this: one per case
 * and one per reading organisation. They are most of a deployed store, and most read models
 * never look at them, so the store can page past them (readAllExceptReadRecords).
 */
export const READ_RECORD_STREAM_PREFIX = "access-";

/** True for a stream of read records; the store's own index keeps to exactly this rule. */
export const isReadRecordStream = (streamId: string): boolean =>
  streamId.startsWith(READ_RECORD_STREAM_PREFIX);

export interface ReadAllOptions {
  /** Exclusive: only events with a position greater than this. Default START (0n). */
  fromPosition?: bigint;
  /** At most this many events; default 1000. */
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive, as in readAll: the position of the last event the subscriber already has. */
  fromPosition?: bigint;
}

/** A running catch-up subscription. */
export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects if the handler threw. */
  readonly closed: Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

/**
 * The event store port. Every adapter (sqlite, postgres, eventstoredb) passes test/store/contract.
 *
 * Event ids are unique across the store: an append containing an event id that is already
 * stored, or the same id twice, is REJECTED with DuplicateEventIdError and writes nothing.
 * (EventStoreDB keeps no global id index: there, only repeats within the stream are caught.)
 */
export interface EventStore {
  /** Appends events atomically to one stream if it is at the expected revision; throws WrongExpectedRevisionError otherwise. */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Reads one stream in revision order; an absent stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The stored event with this id, or undefined. Every adapter finds it in `streamId`, where the
   * caller expects it; SQLite and PostgreSQL find it in any stream (their event ids are indexed),
   * EventStoreDB only there. Keyed writes find their earlier attempt with it (idempotentWrite.ts).
   */
  readEvent(eventId: string, options: { streamId: string }): Promise<RecordedEvent | undefined>;
  /** Reads all streams in global position order, one page at a time. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * readAll without the read-record streams (isReadRecordStream): the same events in the same
   * order, paged the same way. SQLite and PostgreSQL answer it from a partial index, so paging
   * past millions of read records costs nothing; EventStoreDB filters $all as it reads it.
   * A page shorter than `limit` means no later event outside them was committed when it ran:
   * take headPosition() first and follow from there.
   */
  readAllExceptReadRecords(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Delivers every event after fromPosition exactly once, in position order, then follows live appends. */
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** The position of the last committed event (START when empty). */
  headPosition(): Promise<bigint>;
  /** Lists stream ids, in order, for verification and rebuilds; paged by `after` (exclusive). */
  listStreams(options?: { after?: string; limit?: number }): Promise<string[]>;
  /** Closes connections and stops subscriptions. */
  close(): Promise<void>;
}
