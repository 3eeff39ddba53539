import { createHmac, type KeyObject } from "node:crypto";
import { type IdempotentWrite, idempotentWrite } from "../../../commands/idempotentWrite.js";
import type { Actor } from "../../../domain/index.js";
import { canonicalJson } from "../../../store/hashChain.js";
import type { Json } from "../../../store/types.js";
import { HttpProblem } from "../problems.js";

/** Secrets every process derives alike from the master key, so a retry may reach any of them. */
export interface IdempotencySecrets {
  /** Keys the request fingerprints. */
  fingerprints: KeyObject;
  /** Keys the ids a keyed write derives from its key. */
  ids: KeyObject;
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

/**
 * The write a keyed request makes. Keys are per caller: the same key from another user, or
 * from the same user in another organisation, is another write.
 */
export function keyedWrite(
  secrets: IdempotencySecrets,
  caller: Actor,
  key: string,
  request: { method: string; path: string; body: unknown },
): IdempotentWrite {
  return idempotentWrite(secrets.ids, {
    scope: JSON.stringify([caller.organisationId, caller.userId]),
    key,
    fingerprint: requestFingerprint(
      secrets.fingerprints,
      request.method,
      request.path,
      request.body,
    ),
  });
}
