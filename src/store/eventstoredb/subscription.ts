import {
  type EventStoreDBClient,
  excludeSystemEvents,
  START as FROM_START,
} from "@eventstore/db-client";
import type { EventHandler, Subscription } from "../eventStore.js";
import { type RecordedEvent, START } from "../types.js";
import { toClientPosition, toRecordedEvent } from "./mapping.js";

/**
 * One server subscription delivering our events after `fromPosition`, in position order. It
 * ends or throws when the connection drops, and must end soon after `signal` aborts.
 */
export type SubscriptionSource = (
  fromPosition: bigint,
  signal: AbortSignal,
) => AsyncIterable<RecordedEvent>;

export interface ResubscribeOptions {
  /** Exclusive: the last position the subscriber already has. */
  fromPosition?: bigint;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Waits between attempts; injectable so tests need not wait in real time. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told about every drop, e.g. to log it; errors carry no personal data. */
  onDrop?: (error: unknown, delayMs: number) => void;
}

/** Exponential backoff, capped: initial, 2×, 4×, … up to max. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

const sleepFor = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });

class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * The client does not resubscribe after a drop, so we do: from the last position the handler
 * finished, with backoff, skipping replayed events at or below it (exactly once, in order).
 */
export function resubscribing(
  source: SubscriptionSource,
  handler: EventHandler,
  options: ResubscribeOptions = {},
): Subscription {
  const { initialDelayMs = 100, maxDelayMs = 5_000, sleep = sleepFor, onDrop } = options;
  const controller = new AbortController();
  const signal = controller.signal;
  let last = options.fromPosition ?? START;
  let delivering: Promise<void> = Promise.resolve();
  let settle = { resolve: () => {}, reject: (_: unknown) => {} };
  const closed = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });

  const deliver = async (event: RecordedEvent): Promise<void> => {
    try {
      await handler(event);
    } catch (error) {
      throw new HandlerFailure(error);
    }
  };

  const run = async (): Promise<void> => {
    let attempt = 0;
    while (!signal.aborted) {
      let drop: unknown;
      try {
        for await (const event of source(last, signal)) {
          if (signal.aborted) break;
          if (event.position <= last) continue;
          delivering = deliver(event);
          await delivering;
          last = event.position;
          attempt = 0;
        }
        drop = new Error("subscription ended by the server");
      } catch (error) {
        if (error instanceof HandlerFailure) throw error.error;
        drop = error;
      }
      if (signal.aborted) break;
      const delayMs = backoffDelay(attempt++, initialDelayMs, maxDelayMs);
      onDrop?.(drop, delayMs);
      await sleep(delayMs, signal);
    }
  };

  run().then(
    () => settle.resolve(),
    (error: unknown) => {
      controller.abort();
      settle.reject(error);
    },
  );

  return {
    closed,
    async stop() {
      controller.abort();
      await delivering.catch(() => {});
      settle.resolve();
    },
  };
}

/** Production source: the client's catch-up subscription to $all without system events. */
export function allStreamSource(client: EventStoreDBClient): SubscriptionSource {
  return async function* (fromPosition, signal) {
    const subscription = client.subscribeToAll({
      fromPosition: fromPosition === START ? FROM_START : toClientPosition(fromPosition),
      filter: excludeSystemEvents(),
    });
    const unsubscribe = (): void => {
      subscription.unsubscribe().catch(() => {});
    };
    signal.addEventListener("abort", unsubscribe, { once: true });
    try {
      for await (const resolved of subscription) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } finally {
      signal.removeEventListener("abort", unsubscribe);
      unsubscribe();
    }
  };
}
