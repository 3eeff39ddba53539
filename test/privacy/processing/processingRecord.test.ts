import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { isExportable } from "../../../src/observability/ldvExport.js";
import { ProcessingLedger } from "../../../src/privacy/processing/ledger.js";
import { processingRecordsOf } from "../../../src/privacy/processing/processingRecord.js";
import type { EventMetadata, Json, JsonObject, RecordedEvent } from "../../../src/store/types.js";
import { BUILT_IN_NAMES } from "../../api/support/hostile.js";

const COVENANT = "c0000000-0000-4000-8000-000000000001";
const CASE = "ca000000-0000-4000-8000-000000000001";
const SUBJECT = "5b000000-0000-4000-8000-000000000001";
const OTHER_SUBJECT = "5b000000-0000-4000-8000-000000000002";
const BASE = "https://casustafel.example";
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";
const PARTNER = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331" };

let position = 0n;
function recorded(
  type: string,
  streamId: string,
  data: JsonObject,
  metadata: EventMetadata = {},
): RecordedEvent {
  position += 1n;
  return {
    eventId: `e0000000-0000-4000-8000-${position.toString().padStart(12, "0")}`,
    streamId,
    revision: 0,
    position,
    type,
    schemaVersion: 1,
    recordedAt: "2026-03-01T10:00:00.000Z",
    data,
    metadata,
    prevHash: "",
    hash: "",
  };
}

const actor = { userId: "mentor-3havo", organisationId: "school", role: "professional" };
const read = (metadata: EventMetadata = {}, subjectId = SUBJECT) =>
  recorded(
    "CaseContentRead",
    `access-${CASE}`,
    {
      caseId: CASE,
      subjectId,
      covenantId: COVENANT,
      userId: actor.userId,
      organisationId: actor.organisationId,
      roles: ["professional"],
      itemIds: [`case:${CASE}`],
      purpose: "casusoverleg",
      readAt: "2026-03-01T10:00:00.000Z",
    },
    { actor, ...metadata },
  );

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
/** What a stored trace may hold after a damaged write or another writer: anything JSON. */
const storedTrace: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.record({
    traceId: fc.oneof(hex(32), fc.string(), fc.constantFrom(...BUILT_IN_NAMES, "0".repeat(32))),
    spanId: fc.oneof(hex(16), fc.string(), fc.constant("F".repeat(16))),
    parentSpanId: fc.oneof(hex(16), fc.string(), fc.constant(null)),
    foreign: fc.oneof(
      fc.constant(null),
      fc.record({
        traceId: fc.oneof(hex(32), fc.string()),
        spanId: fc.oneof(hex(16), fc.string()),
      }),
    ),
  }) as fc.Arbitrary<Json>,
);

describe("processingRecordsOf", () => {
  let ledger: ProcessingLedger;
  const recordsOf = (event: RecordedEvent) => {
    ledger.observe(event);
    return processingRecordsOf(event, ledger);
  };

  beforeEach(() => {
    ledger = new ProcessingLedger(BASE);
    const chair = {
      organisationId: "swv",
      name: "SWV",
      partnerKind: "samenwerkingsverband",
      privacyOfficer: { name: "FG", email: "fg@swv.example" },
    };
    recordsOf(
      recorded("CovenantEstablished", `covenant-${COVENANT}`, {
        covenantId: COVENANT,
        name: "C",
        chair,
        establishedBy: "admin",
        establishedAt: "2026-01-01T00:00:00.000Z",
      }),
    );
    recordsOf(
      recorded("CaseOpened", `case-${CASE}`, {
        caseId: CASE,
        subjectId: SUBJECT,
        covenantId: COVENANT,
      }),
    );
  });

  it("Given a read under a partner's trace context, then the record is a child of our span carrying the partner's operation", () => {
    const foreign = { ...PARTNER, entity: "https://gemeente.example/ldv" };
    const [record, ...more] = recordsOf(read({ trace: { traceId: TRACE, spanId: SPAN, foreign } }));
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      traceId: TRACE,
      parentSpanId: SPAN,
      name: "read",
      statusCode: "OK",
      foreignOperation: { ...PARTNER, entity: "https://gemeente.example/ldv" },
    });
    expect(record!.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(record!.spanId).not.toBe(SPAN);
    expect(record!.attributes).toMatchObject({
      "dpl.core.processing_activity_id": `${BASE}/v1/covenants/${COVENANT}/processing-activities/casusoverleg/versions/1`,
      "dpl.core.data_subject_id": SUBJECT,
      "dpl.core.data_subject_id_type": "casustafel-subject-pseudonym",
    });
  });

  it("Given history without trace context, then ids derive from the event and one request's records share a trace", () => {
    const first = read({ correlationId: "req-1" });
    const second = read({ correlationId: "req-1" });
    const [a] = recordsOf(first);
    const [b] = recordsOf(second);
    expect(processingRecordsOf(first, ledger)).toEqual([a]);
    expect(a!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.traceId).toBe(b!.traceId);
    expect(a!.spanId).not.toBe(b!.spanId);
    expect(a!.parentSpanId).toBeNull();
    expect(a!.foreignOperation).toBeNull();
  });

  it("Given any trace metadata a stored read may hold, then its record never throws and always carries exportable ids", () => {
    fc.assert(
      fc.property(storedTrace, (trace) => {
        const [record] = recordsOf(read({ trace } as EventMetadata));
        expect(record && isExportable(record)).toBe(true);
        const foreign = record?.foreignOperation;
        if (foreign) {
          expect(foreign.traceId).toMatch(/^[0-9a-f]{32}$/);
          expect(foreign.spanId).toMatch(/^[0-9a-f]{16}$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("Given malformed trace ids (upper case, all zeros, too short), then they are ignored as if absent", () => {
    const traces: { traceId: string; spanId: string; foreign?: JsonObject }[] = [
      { traceId: TRACE.toUpperCase(), spanId: SPAN },
      { traceId: "0".repeat(32), spanId: SPAN },
      { traceId: TRACE, spanId: "abc" },
      { traceId: TRACE, spanId: SPAN, foreign: { traceId: "x", spanId: SPAN } },
    ];
    for (const trace of traces) {
      const [record] = recordsOf(read({ trace } as EventMetadata));
      if (trace.spanId === SPAN && trace.traceId === TRACE) {
        expect(record!.foreignOperation).toBeNull();
      } else {
        expect(record!.parentSpanId).toBeNull();
        expect(record!.traceId).not.toBe(trace.traceId);
      }
    }
  });

  it("Given a merge and its undoing, then each is one record per subject record linked", () => {
    const merged = recorded(
      "SubjectsMerged",
      `persons-${COVENANT}`,
      {
        mergeId: "m1",
        covenantId: COVENANT,
        linked: [
          { subject: SUBJECT, caseId: CASE },
          { subject: OTHER_SUBJECT, caseId: CASE },
        ],
        reason: "same-bsn",
        mergedAt: "2026-03-02T00:00:00.000Z",
        mergedBy: { userId: "fg", organisationId: "swv" },
      },
      { actor },
    );
    const undone = recorded(
      "SubjectsMergeUndone",
      `persons-${COVENANT}`,
      {
        mergeId: "m1",
        covenantId: COVENANT,
        reason: "merged-in-error",
        undoneAt: "2026-03-03T00:00:00.000Z",
        undoneBy: { userId: "fg", organisationId: "swv" },
      },
      { actor },
    );
    for (const [event, name] of [
      [merged, "merge"],
      [undone, "merge-undo"],
    ] as const) {
      const records = recordsOf(event);
      expect(records.map((record) => record.name)).toEqual([name, name]);
      expect(records.map((record) => record.attributes["dpl.core.data_subject_id"])).toEqual([
        SUBJECT,
        OTHER_SUBJECT,
      ]);
      expect(new Set(records.map((record) => record.spanId)).size).toBe(2);
    }
  });

  it("Given a retention run's erasure, then its record names the retention activity, and a meeting is no processing record", () => {
    const [erasure] = recordsOf(
      recorded("SubjectErased", `subject-${SUBJECT}`, {
        subjectId: SUBJECT,
        caseIds: [CASE],
        reason: "retention",
        erasedAt: "2032-01-01T00:00:00.000Z",
        erasedBy: null,
      }),
    );
    expect(erasure!.name).toBe("retention-erasure");
    expect(erasure!.attributes["dpl.core.processing_activity_id"]).toContain(
      "/bewaartermijn/versions/1",
    );
    expect(
      recordsOf(recorded("MeetingScheduled", `case-${CASE}`, { caseId: CASE, subjectId: SUBJECT })),
    ).toEqual([]);
  });

  it("Given hostile event data and metadata, then mapping never throws and names no subject it was not given", () => {
    const hostileKey = fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "subjectId",
      "trace",
    );
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const data = fc.dictionary(fc.oneof(hostileKey, fc.string()), value, { maxKeys: 8 });
    const type = fc.constantFrom(
      "CaseContentRead",
      "ShareAttemptRefused",
      "InformationShared",
      "SubjectErased",
      "SubjectsMerged",
      "SubjectsMergeUndone",
      "CovenantEstablished",
    );
    fc.assert(
      fc.property(type, data, data, (eventType, payload, metadata) => {
        const event = recorded(
          eventType,
          `access-${CASE}`,
          payload as JsonObject,
          metadata as EventMetadata,
        );
        const records = recordsOf(event);
        const strings = new Set(
          Object.values(payload).filter((v): v is string => typeof v === "string"),
        );
        for (const record of records) {
          expect(strings.has(record.attributes["dpl.core.data_subject_id"]!)).toBe(true);
          expect(record.traceId).toMatch(/^[0-9a-f]{32}$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
