import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

/** The share of the event loop a sweep takes at most, while nothing else needs it. */
const QUIET_SHARE = 0.1;
/** Its share while requests keep the event loop busy: a sweep slows down, it never stops. */
const BUSY_SHARE = 0.01;
/** Work between two pauses, in milliseconds. */
const SLICE_MS = 10;

/**
 * The sweep's share of the next slice, after a pause in which the rest of the service kept the
 * event loop `busy` (its utilisation, 0–1): a tenth when quiet, down to a hundredth when busy.
 * A reading that is no number counts as quiet, one outside 0–1 as its nearest end.
 */
export function shareAfter(busy: number): number {
  if (Number.isNaN(busy)) return QUIET_SHARE;
  const utilisation = Math.min(1, Math.max(0, busy));
  return Math.max(BUSY_SHARE, QUIET_SHARE * (1 - utilisation));
}

/** How long to pause after `workedMs` of work so that the work is `share` of the time. */
export function pauseFor(workedMs: number, share: number): number {
  return (workedMs * (1 - share)) / share;
}

/**
 * Paces a sweep: after every page it lets waiting requests go first (one page per turn of the
 * event loop), and each time its work adds up to a slice it pauses, for as long as the share
 * learnt from the pause before allows. So the sweep takes at most a tenth of the event loop
 * while the service is quiet and less as requests keep the loop busy, down to a hundredth: the
 * sweep after a start on millions of events runs for minutes, and a busy service answers its
 * requests rather than lending the sweep a tenth of its time.
 */
export function sweepPacer(signal: AbortSignal): () => Promise<void> {
  let worked = 0;
  let share = QUIET_SHARE;
  let resumed = performance.now();
  return async () => {
    worked += performance.now() - resumed;
    if (worked < SLICE_MS) {
      await nextTurn();
    } else {
      // Node's event loop utilisation: how much of the pause the loop spent working, not waiting.
      const before = performance.eventLoopUtilization();
      await sleep(pauseFor(worked, share), undefined, { signal });
      share = shareAfter(performance.eventLoopUtilization(before).utilization);
      worked = 0;
    }
    resumed = performance.now();
  };
}
