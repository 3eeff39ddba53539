import { describe, expect, test } from "vitest";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../../../src/store/errors.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import {
  freshStreamId,
  newEvent,
  readAllPages,
  recordingSubscription,
  type StoreHarness,
  strictlyIncreasing,
  waitUntil,
} from "./support.js";

export function concurrencyContract(store: () => EventStore, harness: StoreHarness): void {
  const acrossStreams = harness.eventIdsUniqueAcrossStreams !== false;
  describe("concurrent writers", () => {
    test("given two appends expecting the same revision at once, then exactly one wins", async () => {
      const streamId = freshStreamId();
      await store().append(streamId, [newEvent()]);

      const outcomes = await Promise.allSettled([
        store().append(streamId, [newEvent({ writer: "a" })], { expectedRevision: 0 }),
        store().append(streamId, [newEvent({ writer: "b" })], { expectedRevision: 0 }),
      ]);

      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.filter((o) => o.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(lost[0]!.reason).toMatchObject({ expected: 0, actual: 1 });
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    test("given ten creators of the same new stream at once, then exactly one wins", async () => {
      const streamId = freshStreamId();

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) =>
          store().append(streamId, [newEvent({ writer })], { expectedRevision: "no_stream" }),
        ),
      );

      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === "rejected")) {
        expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    test("given a conflicting append among good ones at once, then only it fails", async () => {
      const good = [freshStreamId(), freshStreamId(), freshStreamId()];
      const conflicted = freshStreamId();

      const outcomes = await Promise.allSettled([
        store().append(good[0]!, [newEvent()]),
        store().append(conflicted, [newEvent()], { expectedRevision: 5 }),
        store().append(good[1]!, [newEvent(), newEvent()], { expectedRevision: "no_stream" }),
        store().append(good[2]!, [newEvent()]),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual([
        "fulfilled",
        "rejected",
        "fulfilled",
        "fulfilled",
      ]);
      expect(await store().readStream(good[1]!)).toHaveLength(2);
      expect(await store().readStream(conflicted)).toEqual([]);
    });

    test("given appends to one stream at once with 'any', then all land with distinct revisions", async () => {
      const streamId = freshStreamId();

      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store().append(streamId, [newEvent({ i })])),
      );

      expect(new Set(results.map((r) => r.nextRevision)).size).toBe(20);
      const read = await store().readStream(streamId);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    test("given 50 writers on different streams, then readAll and a live subscription see every event once, in order", async () => {
      const streams = Array.from({ length: 50 }, () => freshStreamId("writer"));
      const mine = new Set(streams);
      const start = await store().headPosition();
      const live = recordingSubscription(store(), start);
      const perWriter = 8;

      await Promise.all(
        streams.map(async (streamId) => {
          for (let i = 0; i < perWriter; i++) {
            await store().append(streamId, [newEvent({ i })], {
              expectedRevision: i - 1 < 0 ? "no_stream" : i - 1,
            });
          }
        }),
      );
      const total = streams.length * perWriter;
      await waitUntil(
        () => live.received.filter((e) => mine.has(e.streamId)).length >= total,
        "the live subscription to see every event",
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await live.subscription.stop();

      const read = (await readAllPages(store(), start, 37)).filter((e) => mine.has(e.streamId));
      const seen = live.received.filter((e) => mine.has(e.streamId));
      for (const events of [read, seen]) {
        expect(events).toHaveLength(total);
        expect(new Set(events.map((e) => e.eventId)).size).toBe(total);
        expect(strictlyIncreasing(events)).toBe(true);
      }
      expect(strictlyIncreasing(live.received)).toBe(true);
      expect(seen.map((e) => e.eventId)).toEqual(read.map((e) => e.eventId));
    });
  });

  describe("unique event ids", () => {
    test.runIf(acrossStreams)(
      "given a stored event id, when another stream appends it, then it is rejected and nothing is written",
      async () => {
        const first = freshStreamId();
        const second = freshStreamId();
        const stored = newEvent();
        await store().append(first, [stored]);

        const error = await store()
          .append(second, [newEvent(), { ...stored, data: { other: true } }])
          .catch((e: unknown) => e);

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: stored.eventId });
        expect(await store().readStream(second)).toEqual([]);
        expect(await store().readStream(first)).toHaveLength(1);
      },
    );

    test("given the same event id twice in one append, then it is rejected and nothing is written", async () => {
      const streamId = freshStreamId();
      const twice = newEvent();

      const error = await store()
        .append(streamId, [twice, newEvent(), twice])
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await store().readStream(streamId)).toEqual([]);
    });

    test.runIf(acrossStreams)(
      "given the same event id sent by two writers at once, then exactly one stores it",
      async () => {
        const shared = newEvent();
        const [a, b] = [freshStreamId(), freshStreamId()];

        const outcomes = await Promise.allSettled([
          store().append(a, [shared]),
          store().append(b, [shared]),
        ]);

        const lost = outcomes.filter((o) => o.status === "rejected");
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(DuplicateEventIdError);
        const stored = [...(await store().readStream(a)), ...(await store().readStream(b))];
        expect(stored.map((e) => e.eventId)).toEqual([shared.eventId]);
      },
    );
  });
}
