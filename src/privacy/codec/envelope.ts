import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from "node:crypto";
import type { Json } from "../../store/types.js";

/** What a personal field holds in the store: AES-256-GCM ciphertext and what is needed to open it. */
export interface Envelope {
  $enc: "v1";
  /** Id of the subject's data key. */
  kid: string;
  iv: string;
  ct: string;
  tag: string;
  /** Present when the value was not a string and was JSON-serialised before encryption. */
  json?: true;
}

/** Where a field sits: bound into its associated data, so a ciphertext cannot be moved. */
export interface FieldPlace {
  streamId: string;
  eventType: string;
  field: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === "object" && value !== null && (value as { $enc?: unknown }).$enc === "v1";
}

/** Encrypts one field value with a fresh random IV. */
export function seal(key: KeyObject, keyId: string, place: FieldPlace, value: Json): Envelope {
  const json = typeof value !== "string";
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(place, keyId, json));
  const plaintext = json ? JSON.stringify(value) : value;
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const envelope: Envelope = {
    $enc: "v1",
    kid: keyId,
    iv: iv.toString("base64"),
    ct: ct.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
  };
  if (json) envelope.json = true;
  return envelope;
}

/** Decrypts one field value; returns undefined when authentication fails (the caller names the error). */
export function open(key: KeyObject, place: FieldPlace, envelope: Envelope): Json | undefined {
  try {
    const iv = Buffer.from(envelope.iv, "base64");
    const tag = Buffer.from(envelope.tag, "base64");
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(place, envelope.kid, envelope.json === true));
    decipher.setAuthTag(tag);
    // GCM yields all plaintext from update(); final() only checks the tag, so nothing is
    // returned before it passes. Decoding the whole buffer at once skips a StringDecoder.
    const text = decipher.update(Buffer.from(envelope.ct, "base64")).toString("utf8");
    decipher.final();
    return envelope.json === true ? (JSON.parse(text) as Json) : text;
  } catch {
    return undefined;
  }
}

// A JSON array cannot be confused across boundaries, whatever characters ids contain.
function associatedData(place: FieldPlace, keyId: string, json: boolean): Buffer {
  return Buffer.from(
    JSON.stringify([
      "v1",
      place.streamId,
      place.eventType,
      place.field,
      keyId,
      json ? "json" : "text",
    ]),
    "utf8",
  );
}
