import { EventStoreDBClient } from "@eventstore/db-client";
import { type EventStore, isReadRecordStream, type Subscription } from "../eventStore.js";
import { perStreamQueue } from "../perStreamQueue.js";
import { appendWithChain } from "./append.js";
import { headPosition, listStreams, readAll, readEvent, readStream } from "./reads.js";
import { allStreamSource, type ResubscribeOptions, resubscribing } from "./subscription.js";

export interface EventStoreDbOptions {
  /** Backoff and drop reporting for subscriptions; see resubscribing(). */
  resubscribe?: Omit<ResubscribeOptions, "fromPosition">;
}

/**
 * The event store port on EventStoreDB/KurrentDB, e.g. `esdb://localhost:2113?tls=false`.
 * Positions are $all commit positions; ESDB's own `$` streams and events are invisible.
 */
export function openEventStoreDbEventStore(
  connectionString: string,
  options: EventStoreDbOptions = {},
): EventStore {
  const client = EventStoreDBClient.connectionString(connectionString);
  const source = allStreamSource(client);
  const subscriptions = new Set<Subscription>();
  // Appends to one stream from this process never race each other for the chain's tail;
  // races with other processes are caught by the expected revision.
  const inStreamOrder = perStreamQueue();
  let closing: Promise<void> | undefined;

  return {
    append: (streamId, events, { expectedRevision = "any" } = {}) =>
      inStreamOrder(streamId, () => appendWithChain(client, streamId, events, expectedRevision)),
    readStream: (streamId, readOptions) => readStream(client, streamId, readOptions),
    readEvent: (eventId, { streamId }) => readEvent(client, streamId, eventId),
    readAll: (readOptions) => readAll(client, readOptions),
    readAllExceptReadRecords: (readOptions) =>
      readAll(client, readOptions, (event) => !isReadRecordStream(event.streamId)),
    subscribe(handler, { fromPosition } = {}) {
      const subscription = resubscribing(source, handler, { ...options.resubscribe, fromPosition });
      subscriptions.add(subscription);
      subscription.closed.then(
        () => subscriptions.delete(subscription),
        () => subscriptions.delete(subscription),
      );
      return subscription;
    },
    headPosition: () => headPosition(client),
    listStreams: (listOptions) => listStreams(client, listOptions),
    close() {
      closing ??= (async () => {
        await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
        await client.dispose();
      })();
      return closing;
    },
  };
}
