import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { sweepPacer } from "../../src/store/sweepPace.js";

/** Keeps the thread busy for `ms`, as a page of reading and hashing does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/**
 * Works pages of 3 ms, as a sweep reads and hashes them, until the pacer pauses (it does once
 * its work adds up to a slice of 10 ms); returns the pause's length in milliseconds.
 */
async function sliceThenPause(pace: () => Promise<void>): Promise<number> {
  for (let page = 0; page < 10; page++) {
    work(3);
    const started = performance.now();
    await pace();
    const pause = performance.now() - started;
    if (pause > 50) return pause;
  }
  throw new Error("the pacer did not pause after 30 ms of work");
}

/** Requests as a busy service has them: the event loop works 3 ms of every turn until stopped. */
function busyLoop(): () => void {
  let running = true;
  void (async () => {
    while (running) {
      work(3);
      await nextTurn();
    }
  })();
  return () => {
    running = false;
  };
}

describe("the sweep's pace", () => {
  test("given a quiet service, when a sweep works a slice, then it pauses nine times as long: a tenth of the event loop", async () => {
    const pace = sweepPacer(new AbortController().signal);
    // A slice is at least 10 ms of work, so its pause at least 90 ms.
    for (const pause of [await sliceThenPause(pace), await sliceThenPause(pace)]) {
      expect(pause).toBeGreaterThanOrEqual(89);
      expect(pause).toBeLessThan(500);
    }
  });

  test("given requests keeping the event loop busy during a pause, when the sweep works its next slice, then it pauses 99 times as long: a hundredth", async () => {
    const pace = sweepPacer(new AbortController().signal);
    const stop = busyLoop();
    try {
      await sliceThenPause(pace);
      // The first pause learnt the loop was busy: the next is at least 99 × 10 ms.
      expect(await sliceThenPause(pace)).toBeGreaterThanOrEqual(989);
    } finally {
      stop();
    }
  });

  test("given a pause under load, when the service is quiet again, then the sweep takes its tenth again after one pause", async () => {
    const pace = sweepPacer(new AbortController().signal);
    const stop = busyLoop();
    await sliceThenPause(pace);
    stop();
    await sliceThenPause(pace);
    expect(await sliceThenPause(pace)).toBeLessThan(500);
  });
});
