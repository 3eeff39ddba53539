import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { KeyUnwrapError, MasterKeyInvalidError, MasterKeyMissingError } from "./errors.js";

export const MASTER_KEY_VARIABLE = "MASTER_KEY";
export const MASTER_KEY_FILE_VARIABLE = "MASTER_KEY_FILE";
export const DEVELOPMENT_MASTER_KEY_PATH = "./data/master.key";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Leading format byte, so a later wrapping scheme (or master key rotation) can coexist.
const FORMAT_V1 = 1;

/** The key that wraps every data key; its bytes stay inside this object. */
export interface MasterKey {
  /** Wraps a data key with a random IV; the associated data binds subject id and key id. */
  wrap(subjectId: string, keyId: string, dataKey: Buffer): Buffer;
  /** Unwraps a data key; throws KeyUnwrapError when authentication fails. */
  unwrap(subjectId: string, keyId: string, wrapped: Buffer): KeyObject;
  /** A secret for one purpose (HKDF-SHA256), the same in every process that holds this master key. */
  derive(purpose: string): KeyObject;
}

export interface MasterKeyConfig {
  environment: "production" | "development" | "test";
  /** Value of MASTER_KEY: 32 bytes, base64. */
  masterKey?: string | undefined;
  /** Value of MASTER_KEY_FILE: a file holding the key (base64 text or 32 raw bytes). */
  masterKeyFile?: string | undefined;
  /** Where development keeps (and creates) its key; default ./data/master.key. */
  developmentKeyPath?: string;
}

export interface LoadedMasterKey {
  masterKey: MasterKey;
  source: "variable" | "file" | "created";
  /** The file read or created, when the key came from a file. */
  path?: string;
  /** True when a development key was just created: the composition root says so at start. */
  created: boolean;
}

/** Reads the master key from configuration; development creates one when absent, production refuses. */
export function loadMasterKey(config: MasterKeyConfig): LoadedMasterKey {
  if (config.masterKey) {
    const bytes = decodeBase64Key(config.masterKey, MASTER_KEY_VARIABLE);
    return { masterKey: masterKeyFrom(bytes), source: "variable", created: false };
  }
  if (config.masterKeyFile) {
    const bytes = decodeKey(readFileSync(config.masterKeyFile), MASTER_KEY_FILE_VARIABLE);
    return {
      masterKey: masterKeyFrom(bytes),
      source: "file",
      path: config.masterKeyFile,
      created: false,
    };
  }
  if (config.environment === "production") {
    throw new MasterKeyMissingError(MASTER_KEY_VARIABLE, MASTER_KEY_FILE_VARIABLE);
  }
  const path = config.developmentKeyPath ?? DEVELOPMENT_MASTER_KEY_PATH;
  if (existsSync(path)) {
    const bytes = decodeKey(readFileSync(path), path);
    return { masterKey: masterKeyFrom(bytes), source: "file", path, created: false };
  }
  const bytes = randomBytes(KEY_BYTES);
  mkdirSync(dirname(path), { recursive: true });
  // "wx": never overwrite a key another process wrote meanwhile; 0600: only the owner reads it.
  writeFileSync(path, `${bytes.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { masterKey: masterKeyFrom(bytes), source: "created", path, created: true };
}

/** A master key from 32 bytes of key material. */
export function masterKeyFrom(bytes: Uint8Array): MasterKey {
  if (bytes.length !== KEY_BYTES) throw new MasterKeyInvalidError("the given bytes");
  const key = createSecretKey(Buffer.from(bytes));
  return {
    derive(purpose) {
      const derived = hkdfSync("sha256", Buffer.from(bytes), Buffer.alloc(0), purpose, KEY_BYTES);
      return createSecretKey(Buffer.from(derived));
    },
    wrap(subjectId, keyId, dataKey) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(wrappingData(subjectId, keyId));
      const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_V1), iv, ciphertext, cipher.getAuthTag()]);
    },
    unwrap(subjectId, keyId, wrapped) {
      if (wrapped.length !== 1 + IV_BYTES + KEY_BYTES + TAG_BYTES || wrapped[0] !== FORMAT_V1) {
        throw new KeyUnwrapError();
      }
      const iv = wrapped.subarray(1, 1 + IV_BYTES);
      const ciphertext = wrapped.subarray(1 + IV_BYTES, 1 + IV_BYTES + KEY_BYTES);
      const tag = wrapped.subarray(1 + IV_BYTES + KEY_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(wrappingData(subjectId, keyId));
      decipher.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      } catch {
        throw new KeyUnwrapError();
      }
      const dataKey = createSecretKey(plain);
      plain.fill(0);
      return dataKey;
    },
  };
}

function wrappingData(subjectId: string, keyId: string): Buffer {
  return Buffer.from(JSON.stringify(["casustafel/data-key/v1", subjectId, keyId]), "utf8");
}

/** A key file holds 32 raw bytes or their base64 text (with or without a trailing newline). */
function decodeKey(content: Buffer, source: string): Buffer {
  if (content.length === KEY_BYTES) return content;
  return decodeBase64Key(content.toString("utf8"), source);
}

function decodeBase64Key(value: string, source: string): Buffer {
  const text = value.trim();
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== KEY_BYTES || bytes.toString("base64") !== text) {
    throw new MasterKeyInvalidError(source);
  }
  return bytes;
}
