import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { pauseFor, shareAfter, sweepPacer } from "../../src/store/sweepPace.js";

/** Keeps the thread busy for `ms`, as a page of reading and hashing does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
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

/** Sweeps pages of 3 ms for at least `ms` and returns the longest the pacer held it between two pages. */
async function longestPause(pace: () => Promise<void>, ms: number): Promise<number> {
  const started = performance.now();
  let longest = 0;
  while (performance.now() - started < ms) {
    work(3);
    const paused = performance.now();
    await pace();
    longest = Math.max(longest, performance.now() - paused);
  }
  return longest;
}

describe("the sweep's pace", () => {
  test("given a quiet event loop, when a slice of work is done, then the sweep pauses nine times as long: a tenth of the loop", () => {
    expect(shareAfter(0)).toBe(0.1);
    expect(pauseFor(10, shareAfter(0))).toBeCloseTo(90, 9);
  });

  test("given an event loop busy all through the pause, when the next slice is done, then the sweep pauses 99 times as long: a hundredth", () => {
    expect(shareAfter(1)).toBe(0.01);
    expect(pauseFor(10, shareAfter(1))).toBeCloseTo(990, 9);
  });

  test("given a loop busy half the time, then the sweep takes a twentieth; the quiet share returns with the next quiet pause", () => {
    expect(shareAfter(0.5)).toBeCloseTo(0.05, 12);
    expect(shareAfter(0.95)).toBe(0.01);
    expect(shareAfter(0)).toBe(0.1);
  });

  test("given a reading that is no utilisation, then the share stays between a hundredth and a tenth", () => {
    expect(shareAfter(Number.NaN)).toBe(0.1);
    expect(shareAfter(-0.5)).toBe(0.1);
    expect(shareAfter(1.5)).toBe(0.01);
    expect(shareAfter(Number.POSITIVE_INFINITY)).toBe(0.01);
  });

  test("given requests keeping the real event loop busy, when a sweep runs beside them, then it learns it in its first pause and pauses at least 99 slices' worth after the next", async () => {
    const pace = sweepPacer(new AbortController().signal);
    const stop = busyLoop();
    try {
      // A slice is at least 10 ms of work: 990 ms is the shortest pause at a hundredth.
      expect(await longestPause(pace, 1000)).toBeGreaterThanOrEqual(989);
    } finally {
      stop();
    }
  });

  test("given a sweep pausing, when the watch stops it, then the pause ends at once", async () => {
    const stopping = new AbortController();
    const pace = sweepPacer(stopping.signal);
    work(11);
    const paused = pace();
    stopping.abort();
    await expect(paused).rejects.toThrow();
  });
});
