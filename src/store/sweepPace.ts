import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

/** The share of the event loop a sweep takes while nothing else needs it. */
const QUIET_SHARE = 0.1;
/** Its share while requests keep the event loop busy: a sweep slows down, it never stops. */
const BUSY_SHARE = 0.01;
/** Work between two pauses, in milliseconds. */
const SLICE_MS = 10;

/** The sweep's share after a pause in which the rest of the service kept the loop `busy` (0–1). */
const shareAfter = (busy: number): number => Math.max(BUSY_SHARE, QUIET_SHARE * (1 - busy));

/**
 * Paces a sweep: after every page it lets waiting requests go first, and each time its work
 * adds up to a slice it pauses. The pause is long enough that the sweep takes a tenth of the
 * event loop while the service is quiet and less as requests keep the loop busy during the
 * pause, down to a hundredth: the sweep after a start on millions of events runs for minutes,
 * and a busy service answers its requests rather than lending it a tenth of every second.
 */
export function sweepPacer(signal: AbortSignal) {
  let worked = 0;
  let share = QUIET_SHARE;
  let resumed = performance.now();
  return async (): Promise<void> => {
    worked += performance.now() - resumed;
    if (worked < SLICE_MS) {
      await nextTurn();
    } else {
      // Node's event loop utilisation: how much of the pause the loop spent working, not waiting.
      const before = performance.eventLoopUtilization();
      await sleep((worked * (1 - share)) / share, undefined, { signal });
      share = shareAfter(performance.eventLoopUtilization(before).utilization);
      worked = 0;
    }
    resumed = performance.now();
  };
}
