import { describe, expect, test } from "vitest";
import type { EventStore } from "../../../src/store/eventStore.js";
import { freshStreamId, newEvents, readAllPages, strictlyIncreasing } from "./support.js";

export function pagingContract(store: () => EventStore): void {
  describe("paging", () => {
    const revisions = async (
      streamId: string,
      options: Parameters<EventStore["readStream"]>[1],
    ): Promise<number[]> => (await store().readStream(streamId, options)).map((e) => e.revision);

    test("given a stream of ten events, then it reads forwards and backwards from any revision", async () => {
      const streamId = freshStreamId();
      await store().append(streamId, newEvents(6));
      await store().append(streamId, newEvents(4));

      expect(await revisions(streamId, {})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await revisions(streamId, { from: 3, limit: 4 })).toEqual([3, 4, 5, 6]);
      expect(await revisions(streamId, { from: 8, limit: 5 })).toEqual([8, 9]);
      expect(await revisions(streamId, { from: 10 })).toEqual([]);
      expect(await revisions(streamId, { direction: "backwards", limit: 3 })).toEqual([9, 8, 7]);
      expect(await revisions(streamId, { direction: "backwards", from: 4, limit: 3 })).toEqual([
        4, 3, 2,
      ]);
      expect(await revisions(streamId, { direction: "backwards", from: 1 })).toEqual([1, 0]);
      expect(await revisions(streamId, { direction: "backwards", from: 50, limit: 2 })).toEqual([
        9, 8,
      ]);
    });

    test("given an absent stream, then it reads as empty in both directions", async () => {
      const streamId = freshStreamId();

      expect(await store().readStream(streamId)).toEqual([]);
      expect(await store().readStream(streamId, { direction: "backwards" })).toEqual([]);
    });

    test("given events in several streams, then readAll pages through them in global order", async () => {
      const start = await store().headPosition();
      const streams = [freshStreamId(), freshStreamId(), freshStreamId()];
      for (const streamId of [...streams, ...streams]) {
        await store().append(streamId, newEvents(3));
      }
      const mine = new Set(streams);

      const onePage = await store().readAll({ fromPosition: start, limit: 1000 });
      const paged = await readAllPages(store(), start, 4);
      const small = await store().readAll({ fromPosition: start, limit: 5 });

      const ours = paged.filter((e) => mine.has(e.streamId));
      expect(ours).toHaveLength(18);
      expect(strictlyIncreasing(paged)).toBe(true);
      expect(paged.map((e) => e.eventId)).toEqual(onePage.map((e) => e.eventId));
      expect(small).toHaveLength(5);
      expect(small.map((e) => e.eventId)).toEqual(onePage.slice(0, 5).map((e) => e.eventId));
      expect(paged.every((e) => e.position > start)).toBe(true);
      for (const streamId of streams) {
        const inStream = ours.filter((e) => e.streamId === streamId).map((e) => e.revision);
        expect(inStream).toEqual([0, 1, 2, 3, 4, 5]);
      }
    });

    test("given the head position, then it is the last event's position and readAll after it holds only later events", async () => {
      await store().append(freshStreamId(), newEvents(2));

      const head = await store().headPosition();
      const after = await store().readAll({ fromPosition: head });

      expect(after.every((e) => e.position > head)).toBe(true);
      const [last] = await store().readAll({ fromPosition: head - 1n, limit: 1 });
      expect(last?.position).toBe(head);
    });
  });
}
