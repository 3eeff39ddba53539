import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Identity, matchKeysOf } from "../../../src/domain/index.js";
import { createBlindIndexer } from "../../../src/privacy/identity/blindIndex.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";

const DAAN: Identity = {
  givenNames: "Daan",
  surname: "Jansen",
  dateOfBirth: "2012-03-14",
  bsn: "111222333",
};
const masterBytes = randomBytes(32);
const indexer = createBlindIndexer(masterKeyFrom(masterBytes));
const hex = (covenantId: string, identity = DAAN) =>
  indexer.indexesOf(covenantId, matchKeysOf(identity)).map((index) => index.value.toString("hex"));

describe("blind indexes", () => {
  test("given the same young person in one covenant, then every process computes the same values", () => {
    const elsewhere = createBlindIndexer(masterKeyFrom(Buffer.from(masterBytes)));
    const values = indexer.indexesOf("cov-a", matchKeysOf(DAAN));
    expect(values.map((index) => index.kind)).toEqual(["bsn", "name-dob", "surname-dob"]);
    expect(values.every((index) => index.value.length === 32)).toBe(true);
    expect(elsewhere.indexesOf("cov-a", matchKeysOf(DAAN))).toEqual(values);
  });

  test("given the same young person in two covenants, then no value of one is a value of the other", () => {
    const inA = hex("cov-a");
    const inB = hex("cov-b");
    expect(inA.filter((value) => inB.includes(value))).toEqual([]);
  });

  test("given another master key, then the values are unrelated", () => {
    const stranger = createBlindIndexer(masterKeyFrom(randomBytes(32)));
    const theirs = stranger
      .indexesOf("cov-a", matchKeysOf(DAAN))
      .map((i) => i.value.toString("hex"));
    expect(theirs.filter((value) => hex("cov-a").includes(value))).toEqual([]);
  });

  test("the kind is hashed with the parts: equal parts under two kinds give two values", () => {
    const [bsn, name] = indexer.indexesOf("cov-a", [
      { kind: "bsn", parts: ["x"] },
      { kind: "name-dob", parts: ["x"] },
    ]);
    expect(bsn!.value.equals(name!.value)).toBe(false);
  });

  test("the derivation is pinned: HKDF-SHA-256 per covenant, then HMAC-SHA-256 of [kind, ...parts]", () => {
    // Changing it would silently unlink every young person already indexed.
    const info = JSON.stringify(["casustafel/identity-index/v1", "cov-a"]);
    const key = Buffer.from(hkdfSync("sha256", masterBytes, Buffer.alloc(0), info, 32));
    const expected = createHmac("sha256", key)
      .update(JSON.stringify(["bsn", "111222333"]))
      .digest("hex");
    expect(hex("cov-a")[0]).toBe(expected);
  });

  test("covenant ids named like built-ins are covenants like any other, each with its own key", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_NAMES, "cov-a"),
        fc.constantFrom(...BUILTIN_NAMES, "cov-b"),
        (a, b) => {
          fc.pre(a !== b);
          expect(hex(a)[0]).not.toBe(hex(b)[0]);
          expect(hex(a)).toEqual(hex(a));
        },
      ),
    );
  });
});
