import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJson } from "../../src/store/hashChain.js";
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

  test("given members that are undefined, then they are left out as JSON.stringify does", () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined, 2] } as unknown as Json)).toBe(
      '{"b":1,"c":[null,2]}',
    );
  });

  test("given an object with a toJSON method (a Date passed as data), then its own members are written, as always", () => {
    const at = Object.assign(new Date(0), { z: 1 });

    expect(canonicalJson({ at } as unknown as Json)).toBe('{"at":{"z":1}}');
  });
});
