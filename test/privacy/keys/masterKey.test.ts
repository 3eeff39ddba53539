import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  KeyUnwrapError,
  MasterKeyInvalidError,
  MasterKeyMissingError,
} from "../../../src/privacy/keys/errors.js";
import { loadMasterKey, masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";

const scratch = () => mkdtempSync(join(tmpdir(), "casustafel-master-"));

describe("loading the master key", () => {
  test("production refuses to start without one, naming the variable", () => {
    expect(() => loadMasterKey({ environment: "production" })).toThrow(MasterKeyMissingError);
    expect(() => loadMasterKey({ environment: "production" })).toThrow(/MASTER_KEY\b/);
  });

  test("the variable and a file with the same key wrap and unwrap interchangeably", () => {
    const bytes = randomBytes(32);
    const file = join(scratch(), "master.key");
    writeFileSync(file, `${bytes.toString("base64")}\n`);
    const fromVariable = loadMasterKey({
      environment: "production",
      masterKey: bytes.toString("base64"),
    });
    const fromFile = loadMasterKey({ environment: "production", masterKeyFile: file });
    expect([fromVariable.source, fromFile.source]).toEqual(["variable", "file"]);

    const wrapped = fromVariable.masterKey.wrap("subject", "key", randomBytes(32));
    expect(fromFile.masterKey.unwrap("subject", "key", wrapped).symmetricKeySize).toBe(32);
  });

  test("a key that is not 32 bytes of base64 is refused", () => {
    for (const masterKey of ["", "short", randomBytes(16).toString("base64"), "x".repeat(32)]) {
      const config = { environment: "production" as const, masterKey };
      if (masterKey === "") expect(() => loadMasterKey(config)).toThrow(MasterKeyMissingError);
      else expect(() => loadMasterKey(config)).toThrow(MasterKeyInvalidError);
    }
  });

  test("development creates a key file readable by its owner only, says so, and reuses it", () => {
    const path = join(scratch(), "data", "master.key");
    const first = loadMasterKey({ environment: "development", developmentKeyPath: path });
    const second = loadMasterKey({ environment: "development", developmentKeyPath: path });

    expect(first).toMatchObject({ source: "created", created: true, path });
    expect(second).toMatchObject({ source: "file", created: false, path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const wrapped = first.masterKey.wrap("subject", "key", randomBytes(32));
    expect(() => second.masterKey.unwrap("subject", "key", wrapped)).not.toThrow();
  });
});

describe("wrapping data keys", () => {
  const masterKey = masterKeyFrom(randomBytes(32));
  const subjectId = randomUUID();
  const keyId = randomUUID();
  const dataKey = randomBytes(32);

  test("a wrapped key unwraps to the same key; the same key wraps differently each time", () => {
    const wrapped = masterKey.wrap(subjectId, keyId, dataKey);
    expect(masterKey.unwrap(subjectId, keyId, wrapped).export().equals(dataKey)).toBe(true);
    expect(masterKey.wrap(subjectId, keyId, dataKey).equals(wrapped)).toBe(false);
  });

  test("a wrapped key does not unwrap for another subject, key id, master key or after a bit flip", () => {
    const wrapped = masterKey.wrap(subjectId, keyId, dataKey);
    const flipped = Buffer.from(wrapped);
    flipped[20]! ^= 1;
    expect(() => masterKey.unwrap(randomUUID(), keyId, wrapped)).toThrow(KeyUnwrapError);
    expect(() => masterKey.unwrap(subjectId, randomUUID(), wrapped)).toThrow(KeyUnwrapError);
    expect(() => masterKeyFrom(randomBytes(32)).unwrap(subjectId, keyId, wrapped)).toThrow(
      KeyUnwrapError,
    );
    expect(() => masterKey.unwrap(subjectId, keyId, flipped)).toThrow(KeyUnwrapError);
    expect(() => masterKey.unwrap(subjectId, keyId, wrapped.subarray(0, 40))).toThrow(
      KeyUnwrapError,
    );
  });
});
