import type { EventHandler, Subscription } from "../eventStore.js";
import type { RecordedEvent } from "../types.js";

/** Counts commits and wakes waiting subscriptions; the counter closes the gap between read and wait. */
export class CommitSignal {
  private commits = 0;
  private waiters = new Set<() => void>();

  get count(): number {
    return this.commits;
  }

  notify(): void {
    this.commits++;
    this.wakeAll();
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next commit after `seen`, on wakeAll, or after `timeoutMs`. */
  wait(seen: number, timeoutMs: number): Promise<void> {
    if (this.commits !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }
}

export interface CatchUpSource {
  readAll(fromPosition: bigint, limit: number): RecordedEvent[];
  signal: CommitSignal;
}

const PAGE = 500;
// Commits by this process wake subscribers at once; the poll only covers writers it cannot hear.
const POLL_MS = 1000;

/** Pages through history after `fromPosition`, then follows commits; one handler call at a time. */
export function catchUpSubscription(
  source: CatchUpSource,
  handler: EventHandler,
  fromPosition: bigint,
): Subscription {
  let stopped = false;
  let position = fromPosition;

  const run = async (): Promise<void> => {
    while (!stopped) {
      const seen = source.signal.count;
      const page = source.readAll(position, PAGE);
      for (const event of page) {
        if (stopped) return;
        await handler(event);
        position = event.position;
      }
      if (page.length < PAGE && !stopped) await source.signal.wait(seen, POLL_MS);
    }
  };

  const closed = run();
  // Marked handled here so a subscriber that never awaits `closed` does not crash the process.
  closed.catch(() => {});

  return {
    closed,
    async stop() {
      stopped = true;
      source.signal.wakeAll();
      await closed.catch(() => {});
    },
  };
}
