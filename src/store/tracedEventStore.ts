import type { Tracer } from "@opentelemetry/api";
import { inProcessingSpan } from "../observability/tracing.js";
import type { EventStore } from "./eventStore.js";

/**
 * Wraps a store so every event appended while a request is served carries that processing's
 * trace context (metadata.trace): one place, so no caller can forget it. Each append is a
 * span of its own under the request's, named by its event types (never ids or content).
 */
export function traceEventStore(store: EventStore, tracer: Tracer): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== "append") {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      }
      const append: EventStore["append"] = (streamId, events, options) =>
        inProcessingSpan(tracer, "append", (trace) =>
          target.append(
            streamId,
            trace
              ? events.map((event) => ({ ...event, metadata: { ...event.metadata, trace } }))
              : events,
            options,
          ),
        );
      return append;
    },
  });
}
