/** JSON values as they travel through the store: events are plain data. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Who caused an event and why; never personal data beyond pseudonymous ids. */
export interface EventMetadata {
  actor?: { userId: string; organisationId: string; role: string };
  correlationId?: string;
  causationId?: string;
  /** The processing that appended the event, when a request was being served (tracedEventStore.ts). */
  trace?: {
    /** 32 lowercase hex: our trace. */
    traceId: string;
    /** 16 lowercase hex: this processing's span. */
    spanId: string;
    parentSpanId?: string;
    /** The calling partner system's operation, from its W3C traceparent. */
    foreign?: { traceId: string; spanId: string; entity?: string };
  };
  [key: string]: Json | undefined;
}

/** An event as the caller hands it to `append`. */
export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion?: number;
  data: JsonObject;
  metadata?: EventMetadata;
}

/** An event as stored: the envelope of DESIGN.md §2. */
export interface RecordedEvent {
  eventId: string;
  streamId: string;
  /** Per stream, 0-based. */
  revision: number;
  /** Global and monotonic; strictly increasing in the order `readAll` delivers. */
  position: bigint;
  type: string;
  schemaVersion: number;
  /** ISO-8601 UTC time the store committed the event. */
  recordedAt: string;
  data: JsonObject;
  metadata: EventMetadata;
  /** Hash of the previous event in the same stream; GENESIS_HASH for revision 0. */
  prevHash: string;
  /** SHA-256 over prevHash and the canonical envelope (see hashChain.ts). */
  hash: string;
}

/** What the writer expects the stream to be before its append. */
export type ExpectedRevision = "any" | "no_stream" | "exists" | number;

/** Outcome of a successful append. */
export interface AppendResult {
  /** Revision of the last event written: the stream's new revision. */
  nextRevision: number;
  /** Global position of the last event written. */
  position: bigint;
}

/** Position before the first event: reading or subscribing from here starts at the beginning. */
export const START: bigint = 0n;
