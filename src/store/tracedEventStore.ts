import { processingTrace } from "../observability/tracing.js";
import type { EventStore } from "./eventStore.js";

/**
 * Wraps a store so every event appended while a request is served carries the trace context
 * of that processing (metadata.trace): one place, so no caller can forget it.
 */
export function traceEventStore(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "append") {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      }
      const append: EventStore["append"] = (streamId, events, options) => {
        const trace = processingTrace();
        const traced = trace
          ? events.map((event) => ({ ...event, metadata: { ...event.metadata, trace } }))
          : events;
        return target.append(streamId, traced, options);
      };
      return append;
    },
  });
}
