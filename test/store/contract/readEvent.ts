import { describe, expect, test } from "vitest";
import { DuplicateEventIdError } from "../../../src/store/errors.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import { freshStreamId, newEvent, newEvents, type StoreHarness } from "./support.js";

/** Ids a lookup must treat as data, never as syntax or as an object's own property. */
const hostileIds = ["constructor", "__proto__", "' OR '1'='1", "%", ""];

export function readEventContract(store: () => EventStore, harness: StoreHarness): void {
  const acrossStreams = harness.eventIdsUniqueAcrossStreams !== false;
  describe("an event by id (how a keyed write finds its earlier attempt)", () => {
    test("given an appended event, when read by id in its stream, then it is the stored envelope", async () => {
      const streamId = freshStreamId();
      const events = newEvents(3);
      await store().append(streamId, events);

      const found = await store().readEvent(events[1]!.eventId, { streamId });

      expect(found).toEqual((await store().readStream(streamId))[1]);
    });

    test("given a stream longer than one page, when its first event is read by id, then it is found", async () => {
      const streamId = freshStreamId();
      const events = newEvents(250);
      await store().append(streamId, events.slice(0, 125));
      await store().append(streamId, events.slice(125));

      const found = await store().readEvent(events[0]!.eventId, { streamId });

      expect(found).toMatchObject({ eventId: events[0]!.eventId, revision: 0 });
    });

    test("given an unknown or hostile id, when read in a stream or in none, then it is undefined", async () => {
      const streamId = freshStreamId();
      await store().append(streamId, newEvents(2));

      for (const eventId of [newEvent().eventId, ...hostileIds]) {
        expect(await store().readEvent(eventId, { streamId })).toBeUndefined();
        const absent = { streamId: freshStreamId() };
        expect(await store().readEvent(eventId, absent)).toBeUndefined();
      }
    });

    test.runIf(acrossStreams)(
      "given an event in one stream, when read by id with another stream named, then it is still found",
      async () => {
        const streamId = freshStreamId();
        const event = newEvent();
        await store().append(streamId, [event]);

        const found = await store().readEvent(event.eventId, { streamId: freshStreamId() });

        expect(found).toMatchObject({ eventId: event.eventId, streamId });
      },
    );

    test("given a stored event, when a retry appends it to its stream again, then it is refused and nothing is written", async () => {
      const streamId = freshStreamId();
      const event = newEvent();
      await store().append(streamId, [newEvent(), event]);

      const error = await store()
        .append(streamId, [event], { expectedRevision: 1 })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });
  });
}
