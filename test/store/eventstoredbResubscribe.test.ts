import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  backoffDelay,
  resubscribing,
  type SubscriptionSource,
} from "../../src/store/eventstoredb/subscription.js";
import type { RecordedEvent } from "../../src/store/types.js";
import { waitUntil } from "./contract/support.js";

const event = (position: number): RecordedEvent => ({
  eventId: `e-${position}`,
  streamId: "case-1",
  revision: position - 1,
  position: BigInt(position),
  type: "CaseNoteAdded",
  schemaVersion: 1,
  recordedAt: "2026-01-01T00:00:00.000Z",
  data: { n: position },
  metadata: {},
  prevHash: "",
  hash: "",
});

const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

/** One connection as the server would behave on it: replay some events, then drop, end or idle. */
interface Attempt {
  /** How far before the requested position the server starts replaying (overlap after a drop). */
  replayFrom?: (fromPosition: number) => number;
  /** The last position this connection delivers before its ending. */
  until: number;
  ending: "drop" | "end" | "idle";
}

/** A scripted subscription source: connection n follows attempts[n] over the log 1..length. */
function scriptedSource(length: number, attempts: Attempt[]) {
  const requested: bigint[] = [];
  const source: SubscriptionSource = async function* (fromPosition, signal) {
    const attempt = attempts[requested.length] ?? { until: length, ending: "idle" };
    requested.push(fromPosition);
    const first = (attempt.replayFrom ?? ((p) => p + 1))(Number(fromPosition));
    for (
      let position = Math.max(1, first);
      position <= Math.min(attempt.until, length);
      position++
    ) {
      if (signal.aborted) return;
      yield event(position);
    }
    if (attempt.ending === "drop") throw new Error("connection reset");
    if (attempt.ending === "idle") await untilAborted(signal);
  };
  return { source, requested };
}

const noWait = (delays: number[]) => async (ms: number) => {
  delays.push(ms);
};

describe("resubscribing after a drop", () => {
  test("given a drop mid-stream and an overlapping replay, then every event arrives once, in order", async () => {
    const { source, requested } = scriptedSource(6, [
      { until: 3, ending: "drop" },
      { replayFrom: (p) => p - 1, until: 5, ending: "end" },
      { replayFrom: (p) => p, until: 6, ending: "idle" },
    ]);
    const delivered: bigint[] = [];
    const delays: number[] = [];

    const subscription = resubscribing(source, (e) => void delivered.push(e.position), {
      sleep: noWait(delays),
    });
    await waitUntil(() => delivered.length >= 6, "all six events");
    await subscription.stop();

    expect(delivered).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(requested).toEqual([0n, 3n, 5n]);
    expect(delays).toEqual([100, 100]);
    await expect(subscription.closed).resolves.toBeUndefined();
  });

  test("given a checkpoint, then the first connection starts after it and nothing at or before it arrives", async () => {
    const { source, requested } = scriptedSource(5, [
      { replayFrom: (p) => p - 2, until: 5, ending: "idle" },
    ]);
    const delivered: bigint[] = [];

    const subscription = resubscribing(source, (e) => void delivered.push(e.position), {
      fromPosition: 3n,
    });
    await waitUntil(() => delivered.length >= 2, "events after the checkpoint");
    await subscription.stop();

    expect(requested).toEqual([3n]);
    expect(delivered).toEqual([4n, 5n]);
  });

  test("given connections that keep failing, then the waits double up to the cap and reset after progress", async () => {
    const failing: Attempt = { until: 0, ending: "drop" };
    const { source } = scriptedSource(2, [
      ...Array(8).fill(failing),
      { until: 1, ending: "drop" },
      failing,
    ]);
    const delays: number[] = [];
    const delivered: bigint[] = [];

    const subscription = resubscribing(source, (e) => void delivered.push(e.position), {
      sleep: noWait(delays),
      initialDelayMs: 100,
      maxDelayMs: 2_000,
    });
    await waitUntil(() => delivered.length >= 2, "both events");
    await subscription.stop();

    expect(delays).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000, 100, 200]);
    expect(delivered).toEqual([1n, 2n]);
  });

  test("given a huge attempt count, then the delay stays at the cap", () => {
    expect(backoffDelay(10_000, 100, 5_000)).toBe(5_000);
    expect(backoffDelay(0, 100, 5_000)).toBe(100);
  });

  test("given random drops and replays, then delivery is exactly the log, once, in order", async () => {
    const attempt = fc.record({
      overlap: fc.nat(4),
      length: fc.nat(6),
      ending: fc.constantFrom<Attempt["ending"]>("drop", "end"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.array(attempt, { maxLength: 12 }),
        async (length, script) => {
          let reached = 0;
          const attempts = script.map(({ overlap, length: span, ending }) => {
            reached += span;
            return { replayFrom: (p: number) => p + 1 - overlap, until: reached, ending };
          });
          const { source } = scriptedSource(length, attempts);
          const delivered: bigint[] = [];

          const subscription = resubscribing(source, (e) => void delivered.push(e.position), {
            sleep: async () => {},
          });
          await waitUntil(() => delivered.length >= length, "the whole log", 2_000);
          await subscription.stop();

          expect(delivered).toEqual(Array.from({ length }, (_, i) => BigInt(i + 1)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("stopping", () => {
  test("given an idle subscription, when stopped, then the connection is released and closed resolves", async () => {
    let released = false;
    const source: SubscriptionSource = async function* (_, signal) {
      yield event(1);
      await untilAborted(signal);
      released = true;
    };
    const delivered: bigint[] = [];

    const subscription = resubscribing(source, (e) => void delivered.push(e.position));
    await waitUntil(() => delivered.length === 1, "the first event");
    await subscription.stop();

    await expect(subscription.closed).resolves.toBeUndefined();
    await waitUntil(() => released, "the connection to be released", 1_000);
  });

  test("given a handler still running, when stopped, then stop waits for it and nothing more is delivered", async () => {
    const { source } = scriptedSource(3, [{ until: 3, ending: "idle" }]);
    const handled: bigint[] = [];
    let finishFirst: (() => void) | undefined;

    const subscription = resubscribing(source, async (e) => {
      if (e.position === 1n) await new Promise<void>((resolve) => (finishFirst = resolve));
      handled.push(e.position);
    });
    await waitUntil(() => finishFirst !== undefined, "the first handler call");
    const stopped = subscription.stop();
    let stopDone = false;
    void stopped.then(() => (stopDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopDone).toBe(false);

    finishFirst?.();
    await stopped;

    expect(handled).toEqual([1n]);
  });

  test("given a handler that throws, then closed rejects with its error and the source is aborted", async () => {
    let aborted = false;
    const source: SubscriptionSource = async function* (_, signal) {
      signal.addEventListener("abort", () => (aborted = true));
      yield event(1);
      yield event(2);
      await untilAborted(signal);
    };
    const failure = new Error("projection broke");
    const handled: bigint[] = [];

    const subscription = resubscribing(source, (e) => {
      handled.push(e.position);
      throw failure;
    });

    await expect(subscription.closed).rejects.toBe(failure);
    expect(handled).toEqual([1n]);
    expect(aborted).toBe(true);
  });

  test("given a drop while waiting to resubscribe, when stopped, then no new connection is opened", async () => {
    const { source, requested } = scriptedSource(1, [{ until: 0, ending: "drop" }]);

    const subscription = resubscribing(source, () => {}, { initialDelayMs: 60_000 });
    await waitUntil(() => requested.length === 1, "the first connection");
    await subscription.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(requested).toEqual([0n]);
    await expect(subscription.closed).resolves.toBeUndefined();
  });
});
