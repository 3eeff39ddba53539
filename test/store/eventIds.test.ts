import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { newEventId } from "../../src/store/eventIds.js";

describe("event ids", () => {
  test("are version 7 UUIDs with the RFC 9562 variant", () => {
    const id = newEventId();
    expect(z.uuid({ version: "v7" }).safeParse(id).success).toBe(true);
  });

  test("sort by the millisecond they were made in", () => {
    const earlier = newEventId(1_700_000_000_000);
    const later = newEventId(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 13)).toBe("018bcfe5-6800");
  });

  test("differ within one millisecond", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newEventId(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });

  test("for any time the 48-bit field holds, from 0 to its last millisecond, the id is a v7 UUID that sorts with the time", () => {
    const v7 = z.uuid({ version: "v7" });
    const millis = fc.oneof(
      fc.constantFrom(0, 1, 2 ** 32, 2 ** 48 - 2, 2 ** 48 - 1),
      fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    );
    fc.assert(
      fc.property(millis, millis, (a, b) => {
        const [first, second] = [newEventId(a), newEventId(b)];
        expect(v7.safeParse(first).success).toBe(true);
        expect(Number.parseInt(first.replace("-", "").slice(0, 12), 16)).toBe(a);
        if (a < b) expect(first < second).toBe(true);
      }),
    );
  });

  test("given a time outside the field (negative, fractional, past 48 bits, not a number), then it refuses it", () => {
    for (const now of [-1, 0.5, 2 ** 48, Number.NaN, Number.POSITIVE_INFINITY, -0.0001]) {
      expect(() => newEventId(now), String(now)).toThrow(RangeError);
    }
  });
});
