import { DuplicateEventIdError, WrongExpectedRevisionError } from "../store/errors.js";
import type { EventStore } from "../store/eventStore.js";
import { type PerStreamQueue, perStreamQueue } from "../store/perStreamQueue.js";

/**
 * Another process that keeps a stream busy wins every race until its queue drains, so a
 * command without an expectation keeps trying for a while rather than a number of times.
 */
export const RETRY_BUDGET_MS = 5_000;
/** Full-jitter exponential backoff between tries, capped low so a loser looks again soon. */
const BACKOFF_BASE_MS = 1;
const BACKOFF_CAP_MS = 16;

const queues = new WeakMap<EventStore, PerStreamQueue>();

/** This process's commands on one stream of `store`, one at a time: they never conflict with each other. */
export function inStreamOrder(store: EventStore): PerStreamQueue {
  let queue = queues.get(store);
  if (!queue) {
    queue = perStreamQueue();
    queues.set(store, queue);
  }
  return queue;
}

/**
 * How long to wait before trying again, or undefined to give up. Without an expectation a
 * conflict is only a race: back off and decide again. A keyed write looks once more before it
 * gives up, since the writer that beat it may have been a concurrent retry of itself.
 */
export function retryPause(
  error: unknown,
  attempt: number,
  command: { expectedRevision: number | "exists" | undefined; keyed: boolean },
): number | undefined {
  if (error instanceof DuplicateEventIdError) return command.keyed ? 0 : undefined;
  if (!(error instanceof WrongExpectedRevisionError)) return undefined;
  if (command.expectedRevision === undefined) {
    return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  }
  return command.keyed && attempt === 1 ? 0 : undefined;
}
