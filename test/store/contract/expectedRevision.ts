import { describe, expect, test } from "vitest";
import { WrongExpectedRevisionError } from "../../../src/store/errors.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import type { ExpectedRevision } from "../../../src/store/types.js";
import { freshStreamId, newEvent, newEvents } from "./support.js";

/** A stream with `revision + 1` events, or an absent stream for -1. */
async function streamAt(store: EventStore, revision: number): Promise<string> {
  const streamId = freshStreamId();
  if (revision >= 0) await store.append(streamId, newEvents(revision + 1));
  return streamId;
}

interface Case {
  expected: ExpectedRevision;
  /** The stream's revision before the append; -1 when it does not exist. */
  actual: number;
}

const cases = (pairs: [ExpectedRevision, number][]): Case[] =>
  pairs.map(([expected, actual]) => ({ expected, actual }));

const accepted = cases([
  ["any", -1],
  ["any", 2],
  ["no_stream", -1],
  ["exists", 0],
  ["exists", 2],
  [0, 0],
  [2, 2],
]);

const refused = cases([
  ["no_stream", 0],
  ["no_stream", 2],
  ["exists", -1],
  [0, -1],
  [1, 2],
  [3, 2],
]);

export function expectedRevisionContract(store: () => EventStore): void {
  describe("expected revision", () => {
    test.each(accepted)(
      "given a stream at revision $actual, when appending expecting $expected, then it is appended",
      async ({ expected: expectedRevision, actual }) => {
        const streamId = await streamAt(store(), actual);

        const result = await store().append(streamId, [newEvent(), newEvent()], {
          expectedRevision,
        });

        expect(result.nextRevision).toBe(actual + 2);
        expect(await store().readStream(streamId)).toHaveLength(actual + 3);
      },
    );

    test.each(refused)(
      "given a stream at revision $actual, when appending expecting $expected, then a conflict names both and nothing is written",
      async ({ expected: expectedRevision, actual }) => {
        const streamId = await streamAt(store(), actual);
        const before = await store().headPosition();

        const error = await store()
          .append(streamId, [newEvent()], { expectedRevision })
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: expectedRevision, actual });
        expect(await store().readStream(streamId)).toHaveLength(actual + 1);
        const written = await store().readAll({ fromPosition: before });
        expect(written.filter((e) => e.streamId === streamId)).toEqual([]);
      },
    );

    test("given no expectation, when appending twice, then both land (default is 'any')", async () => {
      const streamId = freshStreamId();

      await store().append(streamId, [newEvent()]);
      const result = await store().append(streamId, [newEvent()]);

      expect(result.nextRevision).toBe(1);
    });

    test("given appends in sequence, then each expects the revision the previous returned", async () => {
      const streamId = freshStreamId();
      let expectedRevision: ExpectedRevision = "no_stream";
      for (let i = 0; i < 5; i++) {
        const result = await store().append(streamId, [newEvent({ i })], { expectedRevision });
        expect(result.nextRevision).toBe(i);
        expectedRevision = result.nextRevision;
      }
      expect((await store().readStream(streamId)).map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4]);
    });
  });
}
