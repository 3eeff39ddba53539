import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  canonicalJson,
  envelopeAroundRevision,
  eventHash,
  splitEnvelopeHash,
} from "../../src/store/hashChain.js";
import type { Json } from "../../src/store/types.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";

// The hash chain hashes canonicalJson of every envelope ever stored: its output must stay
// exactly JSON with members in sorted key order at every depth, or stored chains stop verifying.

/** The definition, written plainly: leaves as JSON.stringify, members in sorted key order. */
const definition = (value: Json | undefined): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(definition).join(",")}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${definition(value[key])}`).join(",")}}`;
};

const hostileKeys = fc.oneof(fc.string(), fc.constantFrom(...BUILTIN_NAMES, "", "10", "2", "é"));
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileKeys, tie("value"), { maxKeys: 6 }),
  ),
})).value;

describe("canonicalJson", () => {
  test("for any JSON value, it is the definition, and parses back to what JSON itself keeps of it (-0 is 0)", () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(definition(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  test("for any value beyond JSON (dates and other toJSON, functions, symbols, undefined) at any depth, it writes what JSON.stringify writes, in sorted key order", () => {
    const beyond: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        json,
        fc.date(),
        fc.constantFrom(undefined, () => 1, Symbol("s"), { toJSON: () => ({ z: 1, a: [2] }) }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(hostileKeys, tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(beyond, (value) => {
        const held = { value } as unknown as Json;
        const asJson = JSON.parse(JSON.stringify(held)) as Json;

        expect(canonicalJson(held)).toBe(canonicalJson(asJson));
      }),
      { numRuns: 500 },
    );
  });

  test("given members that are undefined, then they are left out as JSON.stringify does", () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined, 2] } as unknown as Json)).toBe(
      '{"b":1,"c":[null,2]}',
    );
  });

  test("given an object with a toJSON method (a Date passed as data), then its toJSON is written, as JSON.stringify writes it: what a writer stores is what it hashed", () => {
    const at = Object.assign(new Date(0), { z: 1 });

    expect(canonicalJson({ at } as unknown as Json)).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});

describe("the envelope split around its revision (what the PostgreSQL append function hashes)", () => {
  const text = fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom(...BUILTIN_NAMES));
  const envelope = fc.record({
    eventId: text,
    streamId: text,
    revision: fc.integer({ min: 0, max: 2_147_483_647 }),
    type: text,
    schemaVersion: fc.integer({ min: -1, max: 2_147_483_647 }),
    recordedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    data: fc.dictionary(hostileKeys, json, { maxKeys: 6 }),
    metadata: fc.dictionary(hostileKeys, json, { maxKeys: 4 }),
    prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  });

  test("for any envelope with hostile text, then prevHash + head + revision + tail hashes to eventHash", () => {
    fc.assert(
      fc.property(envelope, (event) => {
        const split = envelopeAroundRevision(event);
        const spliced = createHash("sha256")
          .update(event.prevHash + split.head + String(event.revision) + split.tail)
          .digest("hex");

        expect(spliced).toBe(eventHash(event));
        expect(splitEnvelopeHash(event.prevHash, split, event.revision)).toBe(eventHash(event));
      }),
      { numRuns: 500 },
    );
  });

  test("for any envelope with hostile text, then the data and metadata texts a writer stores are their canonical JSON, read back unchanged", () => {
    fc.assert(
      fc.property(envelope, (event) => {
        const split = envelopeAroundRevision(event);

        expect(split.data).toBe(canonicalJson(event.data));
        expect(split.metadata).toBe(canonicalJson(event.metadata));
        expect(canonicalJson(JSON.parse(split.data))).toBe(split.data);
        expect(canonicalJson(JSON.parse(split.metadata))).toBe(split.metadata);
      }),
      { numRuns: 500 },
    );
  });
});
