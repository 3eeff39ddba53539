import { createHmac, type KeyObject } from "node:crypto";
import { canonicalJson } from "../../store/hashChain.js";
import type { Json } from "../../store/types.js";
import { HttpProblem } from "../problems.js";

/** A response as it is replayed for a repeated Idempotency-Key. */
export interface RememberedResponse {
  status: number;
  body: Json | undefined;
  etag?: number;
  /** Decimal string: the store position of the write. */
  position?: string;
  location?: string;
}

export type IdempotencyEntry =
  | { state: "claimed"; requestHash: string }
  | { state: "completed"; requestHash: string; response: RememberedResponse };

/** Remembers POST outcomes by Idempotency-Key, per caller (the scope). */
export interface IdempotencyStore {
  /** The current entry for the key in this scope; a released or abandoned claim reads as absent. */
  get(key: string, scope: string): Promise<IdempotencyEntry | undefined>;
  /** Claims the key before the handler runs; false when another request holds or completed it. */
  claim(key: string, scope: string, requestHash: string): Promise<boolean>;
  /** Records the response of the request that holds the claim. */
  put(key: string, scope: string, requestHash: string, response: RememberedResponse): Promise<void>;
  /** Gives the claim up after the request failed, so a retry can run the handler again. */
  release(key: string, scope: string): Promise<void>;
  /** What is stored to recognise the same request again (never the body itself). */
  fingerprint(method: string, path: string, body: unknown): string;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/;

/**
 * Same route and same body give the same fingerprint. It is keyed (HMAC with a secret from
 * the master key): a body of POST /v1/cases names the young person, and a plain hash of a name
 * and a date of birth could be found by guessing.
 */
export function requestFingerprint(
  secret: KeyObject,
  method: string,
  path: string,
  body: unknown,
): string {
  return createHmac("sha256", secret)
    .update(`${method} ${path}\n${canonicalJson((body ?? null) as Json)}`)
    .digest("hex");
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new HttpProblem(
      "validation",
      "Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 _ - : .",
      {
        errors: [{ in: "header", path: "Idempotency-Key", message: "invalid format" }],
      },
    );
  }
  return header;
}

function replayOrRefuse(entry: IdempotencyEntry, hash: string): RememberedResponse {
  if (entry.requestHash !== hash) throw new HttpProblem("idempotency_key_reused");
  if (entry.state === "claimed") {
    throw new HttpProblem("idempotency_in_progress", undefined, {}, { "Retry-After": "1" });
  }
  return entry.response;
}

/**
 * Runs `execute` at most once per key and scope. A repeat with the same request replays the
 * first response and writes nothing; a different request under the same key is refused (422).
 * Only successful responses are remembered: after a failure the key is released for a retry.
 */
export async function runIdempotently(
  store: IdempotencyStore,
  request: { key: string; scope: string; hash: string },
  execute: () => Promise<RememberedResponse>,
): Promise<{ response: RememberedResponse; replayed: boolean }> {
  const { key, scope, hash } = request;
  const existing = await store.get(key, scope);
  if (existing) return { response: replayOrRefuse(existing, hash), replayed: true };
  if (!(await store.claim(key, scope, hash))) {
    const winner = await store.get(key, scope);
    if (!winner)
      throw new HttpProblem("idempotency_in_progress", undefined, {}, { "Retry-After": "1" });
    return { response: replayOrRefuse(winner, hash), replayed: true };
  }
  let response: RememberedResponse;
  try {
    response = await execute();
  } catch (error) {
    await store.release(key, scope);
    throw error;
  }
  await store.put(key, scope, hash, response);
  return { response, replayed: false };
}
