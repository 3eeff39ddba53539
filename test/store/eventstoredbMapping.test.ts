import { randomUUID } from "node:crypto";
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { WrongExpectedRevisionError } from "../../src/store/errors.js";
import { chained, meetsExpectation } from "../../src/store/eventstoredb/append.js";
import {
  type ClientEvent,
  isSystemEvent,
  toClientExpectedRevision,
  toPosition,
  toRecordedEvent,
  toRevision,
  toStoreError,
} from "../../src/store/eventstoredb/mapping.js";
import { eventHash, GENESIS_HASH } from "../../src/store/hashChain.js";
import type { NewEvent } from "../../src/store/types.js";

const conflict = (
  expected: bigint | "no_stream" | "stream_exists" | "any",
  current: bigint | "no_stream",
) => new WrongExpectedVersionError(undefined, { streamName: "case-1", expected, current });

describe("expected revision in the client's words", () => {
  test.each([
    ["any", ANY],
    ["no_stream", NO_STREAM],
    ["exists", STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ] as const)("%s becomes %s", (ours, theirs) => {
    expect(toClientExpectedRevision(ours)).toBe(theirs);
  });

  test.each([
    ["any", -1, true],
    ["any", 3, true],
    ["no_stream", -1, true],
    ["no_stream", 0, false],
    ["exists", -1, false],
    ["exists", 0, true],
    [2, 2, true],
    [2, 3, false],
    [0, -1, false],
  ] as const)("expecting %s of a stream at %s is met: %s", (expected, actual, met) => {
    expect(meetsExpectation(expected, actual)).toBe(met);
  });
});

describe("the client's conflict as ours", () => {
  test("given a conflict on an existing stream, then actual is its revision and expected is the caller's", () => {
    const mapped = toStoreError(conflict(4n, 7n), "case-1", 4);

    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: "case-1", expected: 4, actual: 7 });
  });

  test("given a conflict on an absent stream, then actual is -1", () => {
    expect(toStoreError(conflict(STREAM_EXISTS, NO_STREAM), "case-1", "exists")).toMatchObject({
      expected: "exists",
      actual: -1,
    });
  });

  test("given any other client error, then it passes through unchanged", () => {
    const notFound = new StreamNotFoundError(undefined, "case-1");

    expect(toStoreError(notFound, "case-1", "any")).toBe(notFound);
  });

  test.each([
    [5n, 5],
    ["5", 5],
    [5, 5],
    ["no_stream", -1],
    [-1n, -1],
    ["-2", -1],
    [undefined, -1],
  ] as const)("revision %s reads as %s", (value, revision) => {
    expect(toRevision(value)).toBe(revision);
  });
});

describe("positions", () => {
  test("given a commit position as bigint, number or string, then all convert to the same bigint", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n }), (position) => {
        expect(toPosition(position)).toBe(position);
        expect(toPosition(position.toString())).toBe(position);
        if (position <= BigInt(Number.MAX_SAFE_INTEGER))
          expect(toPosition(Number(position))).toBe(position);
      }),
    );
  });

  test.each<[bigint | number, string]>([
    [-1n, "negative"],
    [2n ** 64n - 1n, "the 'no position' marker"],
    [2 ** 60, "an unsafe number"],
  ])("given %s (%s), then conversion refuses it", (value) => {
    expect(() => toPosition(value)).toThrow(RangeError);
  });
});

describe("system events", () => {
  test.each([
    ["$stats-127.0.0.1:2113", "$statsCollected", true],
    ["$$case-1", "$metadata", true],
    ["$ce-case", "$>", true],
    ["case-1", "$>", true],
    ["case-1", "CaseOpened", false],
    ["covenant-9", "Covenant$Signed", false],
  ])("stream %s, type %s: system %s", (streamId, type, system) => {
    expect(isSystemEvent(streamId, type)).toBe(system);
  });
});

const clientEvent = (
  data: ReturnType<typeof chained>[number],
  revision: number,
  position: bigint,
): ClientEvent => ({
  event: {
    streamId: "case-1",
    id: data.id,
    revision: BigInt(revision),
    type: data.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: position, prepare: position },
  },
  commitPosition: position,
});

describe("the hash chain through ESDB's event shape", () => {
  const newEvent = (n: number): NewEvent => ({
    eventId: randomUUID(),
    type: "CaseNoteAdded",
    data: { n, text: "één — 🙂" },
    metadata: { correlationId: "c-1" },
  });

  test("given events chained onto a tail, when read back from JSON, then every hash verifies and links", () => {
    const tail = { revision: 4, hash: "a".repeat(64) };
    const written = chained(
      "case-1",
      tail,
      [newEvent(0), { ...newEvent(1), schemaVersion: 2 }],
      "2026-01-01T00:00:00.000Z",
    );

    const read = written.map(
      (data, i) => toRecordedEvent(clientEvent(data, 5 + i, 100n + BigInt(i)))!,
    );

    expect(read.map((e) => e.revision)).toEqual([5, 6]);
    expect(read.map((e) => e.schemaVersion)).toEqual([1, 2]);
    expect(read[0]!.prevHash).toBe(tail.hash);
    expect(read[1]!.prevHash).toBe(read[0]!.hash);
    for (const event of read) expect(eventHash(event)).toBe(event.hash);
    expect(read[1]!.metadata).toEqual({ correlationId: "c-1" });
  });

  test("given a new stream, then its first event links to the genesis hash", () => {
    const [first] = chained(
      "case-1",
      { revision: -1, hash: GENESIS_HASH },
      [newEvent(0)],
      "2026-01-01T00:00:00.000Z",
    );

    expect(toRecordedEvent(clientEvent(first!, 0, 7n))).toMatchObject({
      revision: 0,
      prevHash: GENESIS_HASH,
    });
  });

  test("given an event written past the adapter, then it reads with empty hashes and fails verification", () => {
    const rogue = toRecordedEvent({
      event: {
        streamId: "case-1",
        id: randomUUID(),
        revision: 3n,
        type: "CaseNoteAdded",
        isJson: true,
        data: { n: 3 },
        position: { commit: 9n, prepare: 9n },
      },
    });

    expect(rogue).toMatchObject({ revision: 3, prevHash: "", hash: "", metadata: {} });
    expect(eventHash(rogue!)).not.toBe(rogue!.hash);
  });

  test("given a stream read that reports no event position, then the resolved commit position is used", () => {
    const [data] = chained(
      "case-1",
      { revision: -1, hash: GENESIS_HASH },
      [newEvent(0)],
      "2026-01-01T00:00:00.000Z",
    );
    const resolved = clientEvent(data!, 0, 2n ** 64n - 1n);

    expect(toRecordedEvent({ ...resolved, commitPosition: 42n })?.position).toBe(42n);
    expect(() => toRecordedEvent({ event: resolved.event })).toThrow(/no position/);
  });

  test("given a system event or a bare link, then it is not ours", () => {
    const [data] = chained(
      "$ce-case",
      { revision: -1, hash: GENESIS_HASH },
      [newEvent(0)],
      "2026-01-01T00:00:00.000Z",
    );
    const system = clientEvent(data!, 0, 3n);

    expect(
      toRecordedEvent({ ...system, event: { ...system.event!, streamId: "$ce-case" } }),
    ).toBeUndefined();
    expect(toRecordedEvent({ commitPosition: 3n })).toBeUndefined();
  });
});
