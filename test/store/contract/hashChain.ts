import { describe, expect, test } from "vitest";
import type { EventStore } from "../../../src/store/eventStore.js";
import { verifyAll, verifyStream } from "../../../src/store/hashChain.js";
import { freshStreamId, newEvents, type StoreHarness } from "./support.js";

export function hashChainContract(store: () => EventStore, harness: StoreHarness): void {
  describe("hash chain", () => {
    test("given a stream written in several appends, then its chain verifies", async () => {
      const streamId = freshStreamId();
      for (let i = 0; i < 4; i++) await store().append(streamId, newEvents(3));

      const result = await verifyStream(store(), streamId, 5);

      expect(result).toEqual({ events: 12, broken: null });
    });

    test.skipIf(!harness.tamper)(
      "given one stored row edited in the database, then verification reports that row",
      async () => {
        const streamId = freshStreamId();
        const neighbour = freshStreamId();
        await store().append(streamId, newEvents(6));
        await store().append(neighbour, newEvents(2));
        const stored = await store().readStream(streamId);

        await harness.tamper!(streamId, 3);

        const result = await verifyStream(store(), streamId);
        expect(result.broken).toMatchObject({
          streamId,
          revision: 3,
          eventId: stored[3]!.eventId,
        });
        expect(result.events).toBe(3);
        expect(await verifyStream(store(), neighbour)).toEqual({ events: 2, broken: null });
        const report = await verifyAll(store());
        const broken = report.broken.filter((b) => b.streamId === streamId);
        expect(broken).toHaveLength(1);
        expect(broken[0]!.revision).toBe(3);
        expect(report.broken.some((b) => b.streamId === neighbour)).toBe(false);
      },
    );
  });
}
