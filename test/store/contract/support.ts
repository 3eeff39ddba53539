import { randomUUID } from "node:crypto";
import type { EventStore, Subscription } from "../../../src/store/eventStore.js";
import type { JsonObject, NewEvent, RecordedEvent } from "../../../src/store/types.js";

/** Opens stores for the contract suite and reaches behind them where a test must. */
export interface StoreHarness {
  /** Opens a store for one test. Tests use fresh stream ids, so stores may share one database. */
  open(): Promise<EventStore>;
  /**
   * Edits the stored row of (streamId, revision) directly in the database of the store opened
   * last, changing its data but not its hash. Leave it out where the engine cannot (test skipped).
   */
  tamper?(streamId: string, revision: number): Promise<void>;
  /**
   * False where the engine cannot refuse an event id stored in ANOTHER stream (EventStoreDB has
   * no global id index); the cross-stream uniqueness cases are then skipped, by name.
   */
  eventIdsUniqueAcrossStreams?: boolean;
}

export const freshStreamId = (prefix = "contract"): string => `${prefix}-${randomUUID()}`;

export function newEvent(data: JsonObject = { n: 0 }, type = "SomethingHappened"): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID() },
  };
}

export const newEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent({ n }));

/** Polls until the condition holds, failing with the description after the timeout. */
export async function waitUntil(
  condition: () => boolean,
  description: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Reads every event after `fromPosition` page by page, as a projector would. */
export async function readAllPages(
  store: EventStore,
  fromPosition: bigint,
  limit: number,
): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let position = fromPosition;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, limit });
    all.push(...page);
    if (page.length < limit) return all;
    position = page[page.length - 1]!.position;
  }
}

/** A subscription that records what it receives. */
export function recordingSubscription(
  store: EventStore,
  fromPosition: bigint,
): { received: RecordedEvent[]; subscription: Subscription } {
  const received: RecordedEvent[] = [];
  const subscription = store.subscribe(
    (event) => {
      received.push(event);
    },
    { fromPosition },
  );
  return { received, subscription };
}

/** True when positions strictly increase, the order readAll and subscribe promise. */
export function strictlyIncreasing(events: readonly RecordedEvent[]): boolean {
  return events.every((event, i) => i === 0 || event.position > events[i - 1]!.position);
}
