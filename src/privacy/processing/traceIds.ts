import { hash } from "node:crypto";
import type { RecordedEvent } from "../../store/types.js";

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const ZERO = /^0+$/;
const validId = (pattern: RegExp, value: unknown): value is string =>
  typeof value === "string" && pattern.test(value) && !ZERO.test(value);

const digest = (label: string, value: string, hexLength: number) =>
  hash("sha256", `casustafel ${label}\0${value}`, "hex").slice(0, hexLength);

/** The trace context an event was appended under, as far as it is well formed; undefined for history. */
function traceOf(event: RecordedEvent) {
  const trace = event.metadata.trace;
  if (typeof trace !== "object" || trace === null || Array.isArray(trace)) return undefined;
  if (!validId(TRACE_ID, trace.traceId) || !validId(SPAN_ID, trace.spanId)) return undefined;
  const foreign = trace.foreign;
  const fromPartner =
    typeof foreign === "object" &&
    foreign !== null &&
    !Array.isArray(foreign) &&
    validId(TRACE_ID, foreign.traceId) &&
    validId(SPAN_ID, foreign.spanId)
      ? {
          traceId: foreign.traceId,
          spanId: foreign.spanId,
          entity: typeof foreign.entity === "string" ? foreign.entity : null,
        }
      : null;
  return { traceId: trace.traceId, spanId: trace.spanId, foreign: fromPartner };
}

/**
 * The trace ids of one record: under the request's trace as a child of its span when the event
 * carries `metadata.trace`; otherwise derived from the request id (or the event id), so that
 * history gets the same ids on every rebuild and one request's records share one trace.
 */
export function recordIds(event: RecordedEvent, recordKey: string) {
  const spanId = digest("span", `${event.eventId}\0${recordKey}`, 16);
  const trace = traceOf(event);
  if (trace) {
    return {
      traceId: trace.traceId,
      spanId,
      parentSpanId: trace.spanId,
      foreignOperation: trace.foreign,
    };
  }
  const correlation = event.metadata.correlationId;
  const traceSeed =
    typeof correlation === "string" && correlation !== "" ? correlation : event.eventId;
  return {
    traceId: digest("trace", traceSeed, 32),
    spanId,
    parentSpanId: null,
    foreignOperation: null,
  };
}
