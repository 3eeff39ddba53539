import { processingTrace } from "../observability/tracing.js";
import type { EventStore } from "./eventStore.js";
import { decorateAppend } from "./storeDecorator.js";

/**
 * Wraps a store so every event appended while a request is served carries the trace context
 * of that processing (metadata.trace): one place, so no caller can forget it.
 */
export function traceEventStore(store: EventStore): EventStore {
  return decorateAppend(store, (streamId, events, options) => {
    const trace = processingTrace();
    const traced = trace
      ? events.map((event) => ({ ...event, metadata: { ...event.metadata, trace } }))
      : events;
    return store.append(streamId, traced, options);
  });
}
