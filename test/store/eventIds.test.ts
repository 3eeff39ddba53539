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
});
