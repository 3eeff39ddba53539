import { perStreamQueue } from "../../store/perStreamQueue.js";

/**
 * Holds a young person's strong keys while intake looks them up and opens or joins a case, so
 * two signals about one new young person cannot both find nobody and open two cases (rule 9).
 * Keys are blind index values in hex, never a name or a number.
 */
export interface IdentityLock {
  /** Runs the work while holding every one of the keys; work on other keys runs side by side. */
  hold<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
}

/**
 * The lock within one process: enough where one process owns the store (SQLite). Keys are
 * taken in sorted order, so two holders of overlapping keys cannot wait for each other.
 */
export function inProcessIdentityLock(): IdentityLock {
  const queue = perStreamQueue();
  const holdAll = <T>(keys: readonly string[], work: () => Promise<T>): Promise<T> => {
    const [first, ...rest] = keys;
    if (first === undefined) return work();
    return queue(first, () => holdAll(rest, work));
  };
  return {
    hold: (keys, work) => holdAll([...new Set(keys)].sort(), work),
  };
}
