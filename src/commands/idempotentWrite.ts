import { createHmac, type KeyObject } from "node:crypto";
import type { EventStore } from "../store/eventStore.js";
import type { EventMetadata, RecordedEvent } from "../store/types.js";

/** The metadata field that names the request a keyed write came from: its keyed fingerprint. */
const REQUEST = "requestFingerprint";
/** More events than any one command writes: a write's events are read back in one page. */
const MAX_EVENTS_PER_WRITE = 100;

/**
 * A write made under a caller's Idempotency-Key. Whatever the first attempt would draw at
 * random — the ids of what it creates and of its events — is derived from the key instead, so
 * every retry makes the same ones. The events and the key's trace are then one append: finding
 * the write's first event id in the store means the write committed, and not finding it means
 * nothing of it did. Neither the key nor the request is stored, only ids and a keyed fingerprint.
 */
export interface IdempotentWrite {
  /** The id of something the request creates, named by `label`: a UUID, the same on every retry. */
  id(label: string): string;
  /** The id of the write's `index`-th event. */
  eventId(index: number): string;
  /** A keyed fingerprint of the request (see requestFingerprint); a retry must match it. */
  readonly fingerprint: string;
  /** The stream the write went to, once a command has used the key: one write per key. */
  stream?: string;
  /** Set when a command found the write's events and answered from them instead of deciding. */
  replayed: boolean;
}

/** The same key with another request (body, path or method); nothing was written. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = "idempotency_key_reused";
  constructor() {
    super("the Idempotency-Key was used before with a different request");
    this.name = "IdempotencyKeyReusedError";
  }
}

/**
 * The write for one caller's key. `secret` must be the same in every process (derived from the
 * master key): ids derived without it could be predicted from a key, and differ between processes.
 */
export function idempotentWrite(
  secret: KeyObject,
  request: { scope: string; key: string; fingerprint: string },
): IdempotentWrite {
  const derive = (what: string) =>
    uuidFrom(
      createHmac("sha256", secret)
        .update(JSON.stringify([request.scope, request.key, what]))
        .digest(),
    );
  return {
    id: (label) => derive(`id:${label}`),
    eventId: (index) => derive(`event:${index}`),
    fingerprint: request.fingerprint,
    replayed: false,
  };
}

/** Marks the key used for a write to `streamId`; a second write under one key is a bug. */
export function bindKeyToStream(write: IdempotentWrite, streamId: string): void {
  if (write.stream !== undefined && write.stream !== streamId) {
    throw new Error(`one Idempotency-Key is one write: ${write.stream}, then ${streamId}`);
  }
  write.stream = streamId;
}

/** The metadata a keyed write's events carry: the caller's, plus which request wrote them. */
export function withRequest(metadata: EventMetadata, write: IdempotentWrite): EventMetadata {
  return { ...metadata, [REQUEST]: write.fingerprint };
}

/**
 * The events an earlier attempt of this write recorded in `streamId`, in order; undefined when
 * it recorded nothing. The key used for another request (another body, path or stream) is
 * refused with IdempotencyKeyReusedError.
 */
export async function recordedWrite(
  store: EventStore,
  streamId: string,
  write: IdempotentWrite,
): Promise<RecordedEvent[] | undefined> {
  const first = await store.readEvent(write.eventId(0), { streamId });
  if (!first) return undefined;
  if (first.streamId !== streamId || first.metadata[REQUEST] !== write.fingerprint) {
    throw new IdempotencyKeyReusedError();
  }
  const from = await store.readStream(streamId, {
    from: first.revision,
    limit: MAX_EVENTS_PER_WRITE,
  });
  const end = from.findIndex((event, i) => event.eventId !== write.eventId(i));
  const events = end === -1 ? from : from.slice(0, end);
  return events.length > 0 ? events : undefined;
}

/** 16 bytes of a digest as an RFC 9562 version 8 (custom) UUID. */
function uuidFrom(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
