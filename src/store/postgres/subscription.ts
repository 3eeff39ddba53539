import type pg from "pg";
import type { EventHandler, ReadAllOptions, Subscription } from "../eventStore.js";
import type { RecordedEvent } from "../types.js";
import { APPENDED_CHANNEL } from "./schema.js";

const PAGE_SIZE = 500;
const RELISTEN_AFTER_MS = 5_000;
const MAX_READ_FAILURES = 5;

/**
 * Wakes this process's subscriptions when any process appends: one LISTEN connection per store,
 * held while at least one subscription runs. Polling covers the gaps when that connection is down.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private listener: pg.PoolClient | undefined;
  private connecting = false;
  private lastAttempt = 0;
  private users = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly pollIntervalMs: number,
  ) {}

  /** Wakes every waiting subscription now. */
  wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiters) resolve();
  }

  /** Resolves on the next append anywhere, or after the poll interval, whichever comes first. */
  nextAppend(): { promise: Promise<void>; cancel(): void } {
    this.listen();
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    const timer = setTimeout(resolve, this.pollIntervalMs);
    const done = () => {
      clearTimeout(timer);
      this.waiters.delete(done);
      resolve();
    };
    this.waiters.add(done);
    return { promise, cancel: done };
  }

  acquire(): void {
    this.users++;
  }

  release(): void {
    this.users--;
    if (this.users === 0) this.unlisten();
  }

  private listen(): void {
    if (this.listener || this.connecting || this.users === 0) return;
    if (Date.now() - this.lastAttempt < RELISTEN_AFTER_MS) return;
    this.lastAttempt = Date.now();
    this.connecting = true;
    void this.connect().finally(() => {
      this.connecting = false;
    });
  }

  private async connect(): Promise<void> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      client.on("notification", () => this.wake());
      client.on("error", () => this.drop(client!, true));
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      if (this.users === 0) return this.drop(client, false);
      this.listener = client;
      // Events appended while we were connecting sent their NOTIFY before we listened.
      this.wake();
    } catch {
      if (client) this.drop(client, true);
    }
  }

  private unlisten(): void {
    const client = this.listener;
    if (!client) return;
    this.listener = undefined;
    client.query(`UNLISTEN ${APPENDED_CHANNEL}`).then(
      () => client.release(),
      (error: Error) => client.release(error),
    );
  }

  private drop(client: pg.PoolClient, broken: boolean): void {
    if (this.listener === client) this.listener = undefined;
    client.removeAllListeners("notification");
    try {
      client.release(broken ? new Error("listener connection lost") : undefined);
    } catch {
      // Already released: a broken connection can report more than one error.
    }
  }
}

type ReadAll = (options: ReadAllOptions) => Promise<RecordedEvent[]>;

/**
 * A catch-up subscription: reads pages after the last delivered position, then waits for the
 * next append. Appends commit in position order (see schema.ts), so `position > last` never
 * skips an event that commits late.
 */
export function catchUpSubscription(
  readAll: ReadAll,
  signal: AppendSignal,
  handler: EventHandler,
  fromPosition: bigint,
): Subscription {
  let stopped = false;
  let pending: { promise: Promise<void>; cancel(): void } | undefined;
  signal.acquire();

  const run = async (): Promise<void> => {
    let position = fromPosition;
    let failures = 0;
    while (!stopped) {
      pending = signal.nextAppend();
      let page: RecordedEvent[];
      try {
        page = await readAll({ fromPosition: position, limit: PAGE_SIZE });
        failures = 0;
      } catch (error) {
        // A dropped connection heals on the next try; a lasting failure ends the subscription.
        if (++failures > MAX_READ_FAILURES) throw error;
        await pending.promise;
        continue;
      }
      for (const event of page) {
        if (stopped) return;
        await handler(event);
        position = event.position;
      }
      if (page.length < PAGE_SIZE) await pending.promise;
      pending.cancel();
    }
  };

  const closed = run().finally(() => {
    pending?.cancel();
    signal.release();
  });
  closed.catch(() => {});

  return {
    closed,
    async stop() {
      stopped = true;
      pending?.cancel();
      await closed.catch(() => {});
    },
  };
}
