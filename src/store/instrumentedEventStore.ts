import type { Metrics } from "../observability/metrics.js";
import type { EventStore } from "./eventStore.js";

/** Wraps a store so every append is timed; the store itself stays free of metrics. */
export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "append") {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      }
      const append: EventStore["append"] = async (...args) => {
        const end = metrics.eventStoreAppendSeconds.startTimer();
        try {
          const result = await target.append(...args);
          end({ outcome: "ok" });
          return result;
        } catch (error) {
          end({ outcome: "error" });
          throw error;
        }
      };
      return append;
    },
  });
}
