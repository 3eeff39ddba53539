import { createHash, type KeyObject, randomUUID } from "node:crypto";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import type { EventStore } from "../../store/eventStore.js";
import type { JsonObject, RecordedEvent } from "../../store/types.js";
import {
  type IdempotencyEntry,
  type IdempotencyStore,
  type RememberedResponse,
  requestFingerprint,
} from "./idempotency.js";

const CLAIMED = "IdempotencyKeyClaimed";
const COMPLETED = "IdempotentResponseRecorded";
const RELEASED = "IdempotencyKeyReleased";

export interface EventStoreIdempotencyOptions {
  /** Keys the request fingerprints; every process must use the same (masterKey.derive). */
  fingerprintKey: KeyObject;
  /** A claim older than this is treated as abandoned (its process died mid-request). */
  claimTimeoutMs?: number;
  now?: () => Date;
}

/**
 * Idempotency records as streams `idempotency-<sha256(scope, key)>`. A claim is an append
 * with an exact expected revision, so two processes racing on one key cannot both win.
 */
export function eventStoreIdempotency(
  store: EventStore,
  options: EventStoreIdempotencyOptions,
): IdempotencyStore {
  const claimTimeoutMs = options.claimTimeoutMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const streamId = (key: string, scope: string) =>
    `idempotency-${createHash("sha256").update(`${scope}\n${key}`).digest("hex")}`;

  const last = async (stream: string): Promise<RecordedEvent | undefined> =>
    (await store.readStream(stream, { direction: "backwards", limit: 1 }))[0];

  const isAbandoned = (event: RecordedEvent) =>
    event.type === RELEASED ||
    (event.type === CLAIMED && now().getTime() - Date.parse(event.recordedAt) > claimTimeoutMs);

  const append = (
    stream: string,
    type: string,
    data: JsonObject,
    expectedRevision: number | "no_stream",
  ) => store.append(stream, [{ eventId: randomUUID(), type, data }], { expectedRevision });

  return {
    fingerprint: (method, path, body) =>
      requestFingerprint(options.fingerprintKey, method, path, body),
    async get(key, scope) {
      const event = await last(streamId(key, scope));
      if (!event || isAbandoned(event)) return undefined;
      const requestHash = String(event.data.requestHash);
      if (event.type === COMPLETED) {
        return {
          state: "completed",
          requestHash,
          response: event.data.response as unknown as RememberedResponse,
        };
      }
      return { state: "claimed", requestHash } satisfies IdempotencyEntry;
    },

    async claim(key, scope, requestHash) {
      const stream = streamId(key, scope);
      const event = await last(stream);
      if (event && !isAbandoned(event)) return false;
      try {
        await append(stream, CLAIMED, { requestHash }, event ? event.revision : "no_stream");
        return true;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) return false;
        throw error;
      }
    },

    async put(key, scope, requestHash, response) {
      const stream = streamId(key, scope);
      const event = await last(stream);
      if (!event || event.type !== CLAIMED) throw new Error("idempotency: put without a claim");
      const data = { requestHash, response: JSON.parse(JSON.stringify(response)) as JsonObject };
      await append(stream, COMPLETED, data, event.revision);
    },

    async release(key, scope) {
      const stream = streamId(key, scope);
      const event = await last(stream);
      if (event?.type === CLAIMED) await append(stream, RELEASED, {}, event.revision);
    },
  };
}
