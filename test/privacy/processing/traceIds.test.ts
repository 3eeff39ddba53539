import { describe, expect, it } from "vitest";
import { recordIds } from "../../../src/privacy/processing/traceIds.js";
import type { EventMetadata, RecordedEvent } from "../../../src/store/types.js";

// Ids a version of the service derived from these events (before its hashing changed, 3
// December 2026). A logbook holds the records it was sent under them and a rebuild derives them
// again, so a later version must derive the same ones.
const SPAN_OF_CASE_READ = "8dbc4c63234554cb";

const stored = (metadata: EventMetadata): RecordedEvent => ({
  eventId: "0193a8b2-1c2d-7e3f-8a9b-0c1d2e3f4a5b",
  streamId: "reads-case-1",
  revision: 0,
  position: 1n,
  type: "CaseContentRead",
  schemaVersion: 1,
  recordedAt: "2026-12-03T00:00:00.000Z",
  data: {},
  metadata,
  prevHash: "0".repeat(64),
  hash: "1".repeat(64),
});

describe("the processing ids of a stored event", () => {
  it("given an event from a request without trace context, when its ids are derived, then they are the ids every earlier version derived", () => {
    // Given an event appended under request req-42, without trace context
    const event = stored({ correlationId: "req-42" });

    // When its record's ids are derived
    const ids = recordIds(event, "case:c-1");

    // Then trace and span are the ones derived before: the same on every rebuild
    expect(ids).toEqual({
      traceId: "1d2b2ad0d7a4a4a1de52d2d83a752c59",
      spanId: SPAN_OF_CASE_READ,
      parentSpanId: null,
      foreignOperation: null,
    });
  });

  it("given an event without a request id, when its ids are derived, then the trace comes from the event id, as before", () => {
    expect(recordIds(stored({}), "case:c-1").traceId).toBe("f7b2d70af5e9db71e651a3caebf1aa19");
  });

  it("given an event appended under a trace, when its ids are derived, then it keeps that trace as a child of its span, with the same span id", () => {
    // Given an event that carries the request's trace context
    const trace = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331" };

    // When its record's ids are derived
    const ids = recordIds(stored({ trace }), "case:c-1");

    // Then the record sits under the request's span
    expect(ids).toEqual({
      traceId: trace.traceId,
      spanId: SPAN_OF_CASE_READ,
      parentSpanId: trace.spanId,
      foreignOperation: null,
    });
  });

  it("given two records of one event, when their ids are derived, then their spans differ and their trace is one", () => {
    const event = stored({ correlationId: "req-42" });
    const [first, second] = [recordIds(event, "case:c-1"), recordIds(event, "case:c-2")];
    expect(first.spanId).not.toBe(second.spanId);
    expect(first.traceId).toBe(second.traceId);
  });
});
