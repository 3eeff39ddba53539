import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from "node:crypto";
import type { Json } from "../../store/types.js";

/**
 * All personal fields of one event as one AES-256-GCM ciphertext: one cipher per event
 * rather than one per field, which is what a rebuild pays for most.
 */
export interface SealedFields {
  $enc: "v2";
  /** Id of the subject's data key. */
  kid: string;
  /** The sealed fields' dot paths, sorted; their values are the plaintext, in this order. */
  fields: string[];
  /** base64 of IV ‖ tag ‖ ciphertext. */
  box: string;
}

/** Where the sealed fields sit: bound into the associated data, so a ciphertext cannot be moved. */
export interface EventPlace {
  streamId: string;
  eventType: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = IV_BYTES + TAG_BYTES;
const GCM = { authTagLength: TAG_BYTES };

export function isSealedFields(value: Json | undefined): value is SealedFields & Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { $enc, kid, fields, box } = value;
  return (
    $enc === "v2" &&
    typeof kid === "string" &&
    typeof box === "string" &&
    Array.isArray(fields) &&
    fields.every((field) => typeof field === "string")
  );
}

/** Encrypts the values of `fields` (sorted paths) with a fresh random IV. */
export function seal(
  key: KeyObject,
  keyId: string,
  place: EventPlace,
  fields: string[],
  values: Json[],
): SealedFields {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, GCM);
  cipher.setAAD(associatedData(place, keyId, fields));
  const ct = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  const box = Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64");
  return { $enc: "v2", kid: keyId, fields, box };
}

/** The values of the sealed fields, in `fields` order; undefined when authentication fails (the caller names the error). */
export function open(key: KeyObject, place: EventPlace, sealed: SealedFields): Json[] | undefined {
  const text = openText(key, place, sealed);
  return text === undefined ? undefined : valuesOf(text, sealed);
}

/**
 * The sealed plaintext once its tag has passed; undefined when authentication fails. Split
 * from parsing so a worker thread can decrypt and the thread that uses the values parse them.
 */
export function openText(
  key: KeyObject,
  place: EventPlace,
  sealed: SealedFields,
): string | undefined {
  try {
    const bytes = Buffer.from(sealed.box, "base64");
    if (bytes.length < HEADER_BYTES) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), GCM);
    decipher.setAAD(associatedData(place, sealed.kid, sealed.fields));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, HEADER_BYTES));
    // GCM yields all plaintext from update(); final() only checks the tag, so nothing is
    // parsed before it passes.
    const text = decipher.update(bytes.subarray(HEADER_BYTES)).toString();
    decipher.final();
    return text;
  } catch {
    return undefined;
  }
}

/** The values of an authenticated plaintext; undefined when they do not match the sealed paths. */
export function valuesOf(text: string, sealed: SealedFields): Json[] | undefined {
  try {
    const values = JSON.parse(text) as Json;
    return Array.isArray(values) && values.length === sealed.fields.length ? values : undefined;
  } catch {
    return undefined;
  }
}

// A JSON array cannot be confused across boundaries, whatever characters ids or paths contain.
function associatedData(place: EventPlace, keyId: string, fields: readonly string[]): Buffer {
  return Buffer.from(
    JSON.stringify(["v2", place.streamId, place.eventType, keyId, fields]),
    "utf8",
  );
}
