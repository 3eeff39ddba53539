import { describe, expect, test } from "vitest";
import type { EventStore } from "../../../src/store/eventStore.js";
import { freshStreamId, newEvent, newEvents, recordingSubscription, waitUntil } from "./support.js";

export function subscriptionContract(store: () => EventStore): void {
  describe("catch-up subscription", () => {
    test("given stored events, when subscribing from a position, then it catches up after it and follows live", async () => {
      const streamId = freshStreamId();
      await store().append(streamId, newEvents(5));
      const stored = await store().readStream(streamId);

      const { received, subscription } = recordingSubscription(store(), stored[1]!.position);
      const ours = () => received.filter((e) => e.streamId === streamId);
      await waitUntil(() => ours().length >= 3, "catch-up");
      expect(ours().map((e) => e.revision)).toEqual([2, 3, 4]);

      await store().append(streamId, newEvents(2));
      await waitUntil(() => ours().length >= 5, "live events");
      await subscription.stop();

      expect(ours().map((e) => e.revision)).toEqual([2, 3, 4, 5, 6]);
      expect(ours()[3]!.hash).toBe((await store().readStream(streamId, { from: 5 }))[0]!.hash);
    });

    test("given a subscription from START, then it delivers the first event in the store", async () => {
      await store().append(freshStreamId(), [newEvent()]);
      const [first] = await store().readAll({ limit: 1 });

      const { received, subscription } = recordingSubscription(store(), 0n);
      await waitUntil(() => received.length >= 1, "the first event");
      await subscription.stop();

      expect(received[0]!.eventId).toBe(first!.eventId);
    });

    test("given a stopped subscription, then later events are not delivered and closed resolves", async () => {
      const streamId = freshStreamId();
      const { received, subscription } = recordingSubscription(
        store(),
        await store().headPosition(),
      );
      await store().append(streamId, [newEvent()]);
      await waitUntil(() => received.some((e) => e.streamId === streamId), "the live event");

      await subscription.stop();
      await store().append(streamId, [newEvent()]);
      await new Promise((resolve) => setTimeout(resolve, 300));

      await expect(subscription.closed).resolves.toBeUndefined();
      expect(received.filter((e) => e.streamId === streamId)).toHaveLength(1);
    });

    test("given a handler that throws, then closed rejects with its error and delivery stops", async () => {
      const streamId = freshStreamId();
      const start = await store().headPosition();
      await store().append(streamId, newEvents(3));
      const calls: number[] = [];

      const subscription = store().subscribe(
        (event) => {
          if (event.streamId !== streamId) return;
          calls.push(event.revision);
          if (event.revision === 1) throw new Error("projection failed");
        },
        { fromPosition: start },
      );

      await expect(subscription.closed).rejects.toThrow("projection failed");
      expect(calls).toEqual([0, 1]);
      await subscription.stop();
    });

    test("given an async handler, then the next event waits until the previous one is handled", async () => {
      const streamId = freshStreamId();
      const start = await store().headPosition();
      await store().append(streamId, newEvents(4));
      let running = 0;
      let overlapped = false;
      const handled: number[] = [];

      const subscription = store().subscribe(
        async (event) => {
          if (event.streamId !== streamId) return;
          running++;
          overlapped ||= running > 1;
          await new Promise((resolve) => setTimeout(resolve, 10));
          handled.push(event.revision);
          running--;
        },
        { fromPosition: start },
      );
      await waitUntil(() => handled.length >= 4, "every event handled");
      await subscription.stop();

      expect(overlapped).toBe(false);
      expect(handled).toEqual([0, 1, 2, 3]);
    });
  });
}
