import { hash } from "node:crypto";
import type { EventStore } from "./eventStore.js";
import type { Json, RecordedEvent } from "./types.js";

export const GENESIS_HASH = "0".repeat(64);

type Hashable = Omit<RecordedEvent, "position" | "hash">;

/**
 * JSON with object keys sorted, so the same envelope always hashes the same. Every append and
 * every live integrity check runs it, so it lets the native JSON.stringify write the string,
 * after putting the members in order; only values it cannot order that way go by hand.
 */
export function canonicalJson(value: Json | undefined): string {
  const ordered = value === undefined ? null : inKeyOrder(value);
  return ordered === UNORDERABLE ? (byHand(jsonOf(value, "")) ?? "null") : JSON.stringify(ordered);
}

/** What JSON.stringify cannot be made to write in sorted key order (see inKeyOrder). */
const UNORDERABLE = Symbol("unorderable");

// JSON.stringify writes array-index keys ("2", "10") first and in numeric order, whatever the
// insertion order, and calls toJSON; such values are written by hand.
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * `value` with the members of every object in sorted key order: the value itself where it
 * already is (the common case, no copy), else copies of the objects out of order.
 */
function inKeyOrder(value: Json): Json | typeof UNORDERABLE {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const member = value[i]!;
      const ordered = inKeyOrder(member);
      if (ordered === UNORDERABLE) return UNORDERABLE;
      if (ordered === member) continue;
      copy ??= value.slice();
      copy[i] = ordered;
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return UNORDERABLE;
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && ARRAY_INDEX.test(key)) return UNORDERABLE;
    if (i > 0 && keys[i - 1]! > key) sorted = false;
  }
  if (!sorted) keys.sort();
  let copy: { [key: string]: Json | undefined } | undefined = sorted ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = value[key];
    const ordered = member === undefined ? member : inKeyOrder(member);
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (copy === undefined && ordered !== member) {
      copy = {};
      for (let j = 0; j < i; j++) define(copy, keys[j]!, value[keys[j]!]);
    }
    if (copy !== undefined) define(copy, key, ordered);
  }
  return (copy ?? value) as Json;
}

/** Sets a member; one named __proto__ is defined, or it would set the prototype instead. */
function define(
  target: { [key: string]: Json | undefined },
  key: string,
  member: Json | undefined,
) {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value: member, enumerable: true, writable: true });
  } else {
    target[key] = member;
  }
}

/** What JSON.stringify writes in a value's place: its toJSON's answer when it has one. */
function jsonOf(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

/**
 * The same string built member by member, for the values JSON.stringify cannot order: what
 * it would write (toJSON's answers; functions, symbols and undefined left out of objects and
 * null in arrays), with every object's keys in sorted order. Undefined where it writes nothing.
 */
function byHand(value: unknown): string | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    return undefined;
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? "" : ","}${byHand(jsonOf(value[i], String(i))) ?? "null"}`;
    }
    return `${out}]`;
  }
  let out = "{";
  for (const key of Object.keys(value).sort()) {
    const text = byHand(jsonOf((value as Record<string, unknown>)[key], key));
    if (text !== undefined) out += `${out === "{" ? "" : ","}${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}

/** An event's canonical envelope split around its revision (see envelopeAroundRevision). */
export interface SplitEnvelope {
  head: string;
  tail: string;
  /** The canonical text of the event's data and metadata, as the envelope holds them. */
  data: string;
  metadata: string;
}

/**
 * The canonical envelope split around its revision: `head + revision + tail` is the text
 * eventHash hashes, so a writer that learns the revision and previous hash only under the
 * append lock (the PostgreSQL append function) hashes the same bytes. Keys in sorted order.
 * The data and metadata texts come with it, so a writer stores what it hashed without
 * serialising them again.
 */
export function envelopeAroundRevision(
  event: Omit<Hashable, "revision" | "prevHash">,
): SplitEnvelope {
  const data = canonicalJson(event.data);
  const metadata = canonicalJson(event.metadata as Json);
  return {
    head:
      `{"data":${data},"eventId":${JSON.stringify(event.eventId)},` +
      `"metadata":${metadata},"recordedAt":${JSON.stringify(event.recordedAt)},"revision":`,
    tail:
      `,"schemaVersion":${JSON.stringify(event.schemaVersion)},` +
      `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`,
    data,
    metadata,
  };
}

/** eventHash of the envelope at `revision` after `prevHash`, from its split text. */
export function splitEnvelopeHash(
  prevHash: string,
  envelope: SplitEnvelope,
  revision: number,
): string {
  return hash("sha256", prevHash + envelope.head + revision + envelope.tail, "hex");
}

/** hash = SHA-256(prevHash ‖ canonical envelope). Position is left out: it is assigned at commit. */
export function eventHash(event: Hashable): string {
  // Members already in sorted order, so only data and metadata may need copying.
  const envelope = canonicalJson({
    data: event.data,
    eventId: event.eventId,
    metadata: event.metadata as Json,
    recordedAt: event.recordedAt,
    revision: event.revision,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    type: event.type,
  });
  // One-shot hash: no Hash object per event (two per read record: its append and the live check).
  return hash("sha256", event.prevHash + envelope, "hex");
}

export interface BrokenLink {
  streamId: string;
  revision: number;
  eventId: string;
  reason: "prev_hash_mismatch" | "hash_mismatch" | "revision_gap";
}

export interface VerificationReport {
  streamsChecked: number;
  eventsChecked: number;
  /** The first broken link per broken stream, in stream order. */
  broken: BrokenLink[];
}

/** The last verified event of a stream: what its next event must link to. */
export interface ChainTip {
  revision: number;
  hash: string;
}

/** Where every stream's chain starts: revision 0 links to the genesis hash. */
export const GENESIS_TIP: ChainTip = { revision: -1, hash: GENESIS_HASH };

/** Why `event` does not continue the chain at `tip`, or null when it does. */
export function linkFault(tip: ChainTip, event: RecordedEvent): BrokenLink["reason"] | null {
  if (event.revision !== tip.revision + 1) return "revision_gap";
  if (event.prevHash !== tip.hash) return "prev_hash_mismatch";
  if (eventHash(event) !== event.hash) return "hash_mismatch";
  return null;
}

/**
 * Walks one stream from revision 0 and returns its first broken link, or null. `afterPage`
 * runs between pages: a background check yields there, so a long stream blocks nobody.
 */
export async function verifyStream(
  store: EventStore,
  streamId: string,
  pageSize = 1000,
  afterPage?: () => Promise<void>,
): Promise<{ events: number; broken: BrokenLink | null }> {
  let tip = GENESIS_TIP;
  for (;;) {
    const page = await store.readStream(streamId, { from: tip.revision + 1, limit: pageSize });
    for (const event of page) {
      const reason = linkFault(tip, event);
      if (reason) {
        const broken = { streamId, revision: event.revision, eventId: event.eventId, reason };
        return { events: tip.revision + 1, broken };
      }
      tip = { revision: event.revision, hash: event.hash };
    }
    if (page.length < pageSize) return { events: tip.revision + 1, broken: null };
    await afterPage?.();
  }
}

export interface VerifyOptions {
  /** Events per read; default 1000. */
  pageSize?: number;
  /** Awaited after each page and each stream: a check beside live requests yields to them there. */
  afterPage?: () => Promise<void>;
}

/** Verifies every stream in the store. */
export async function verifyAll(
  store: EventStore,
  { pageSize = 1000, afterPage }: VerifyOptions = {},
): Promise<VerificationReport> {
  const report: VerificationReport = { streamsChecked: 0, eventsChecked: 0, broken: [] };
  let after: string | undefined;
  for (;;) {
    const streams = await store.listStreams({ after, limit: 500 });
    for (const streamId of streams) {
      const result = await verifyStream(store, streamId, pageSize, afterPage);
      report.streamsChecked++;
      report.eventsChecked += result.events;
      if (result.broken) report.broken.push(result.broken);
      await afterPage?.();
    }
    if (streams.length < 500) return report;
    after = streams[streams.length - 1];
  }
}
