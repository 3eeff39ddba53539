import { readFile } from "node:fs/promises";
import {
  type CryptoKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  importJWK,
  importSPKI,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from "jose";
import type { Config } from "../../../config.js";
import { loadOrCreateDevKeyPair } from "./devKeys.js";

export type VerificationKey = CryptoKey | JWTVerifyGetKey;

/** A token checked against a key set did not say which key signed it. */
export class MissingKeyIdError extends Error {
  constructor() {
    super("the token names no signing key (kid)");
    this.name = "MissingKeyIdError";
  }
}

/**
 * A key set answers only a token that names one of its keys: without this, jose tries the one
 * key that fits the algorithm, and a set rotated to several keys would change what verifies.
 */
function keyNamedByToken(keySet: JWTVerifyGetKey): JWTVerifyGetKey {
  return (header, token) => {
    if (!header.kid) throw new MissingKeyIdError();
    return keySet(header, token);
  };
}

/** Imports the key once per algorithm: importing costs more than verifying a signature. */
function importedOncePerAlgorithm(importKey: (alg: string) => Promise<CryptoKey>): JWTVerifyGetKey {
  const imported = new Map<string, Promise<CryptoKey>>();
  // jose checks the algorithm allow-list before it asks for the key, so header.alg is vetted.
  return (header) => {
    const alg = header.alg ?? "";
    let key = imported.get(alg);
    if (!key) {
      key = importKey(alg);
      imported.set(alg, key);
    }
    return key;
  };
}

/** A PEM or JWK file holds one key; a JWKS file holds several, chosen by the token's `kid`. */
async function keyFromFile(path: string): Promise<VerificationKey> {
  const content = await readFile(path, "utf8");
  if (content.includes("-----BEGIN PUBLIC KEY-----")) {
    return importedOncePerAlgorithm((alg) => importSPKI(content, alg));
  }
  const parsed = JSON.parse(content) as JWK | JSONWebKeySet;
  if ("keys" in parsed) return keyNamedByToken(createLocalJWKSet(parsed));
  if ("d" in parsed)
    throw new Error("JWT_PUBLIC_KEY_FILE holds a private key; give the public key");
  return importedOncePerAlgorithm((alg) => importJWK(parsed, alg) as Promise<CryptoKey>);
}

/**
 * The keys tokens are verified with: a JWKS URL (production), a public key file, or in
 * development and tests only the dev key pair under DATA_DIR.
 */
export async function loadVerificationKeys(config: Config): Promise<VerificationKey> {
  if (config.jwt.jwksUrl) return keyNamedByToken(createRemoteJWKSet(new URL(config.jwt.jwksUrl)));
  if (config.jwt.publicKeyFile) return keyFromFile(config.jwt.publicKeyFile);
  if (config.env === "production") {
    throw new Error("production needs JWKS_URL or JWT_PUBLIC_KEY_FILE; dev keys are refused");
  }
  return (await loadOrCreateDevKeyPair(config.dataDir)).publicKey;
}
