import type { Metrics } from "../observability/metrics.js";
import type { EventStore } from "./eventStore.js";
import { decorateAppend } from "./storeDecorator.js";

/** Wraps a store so every append is timed; the store itself stays free of metrics. */
export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  return decorateAppend(store, async (...args) => {
    const end = metrics.eventStoreAppendSeconds.startTimer();
    try {
      const result = await store.append(...args);
      end({ outcome: "ok" });
      return result;
    } catch (error) {
      end({ outcome: "error" });
      throw error;
    }
  });
}
