import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { isExportable } from "../../src/observability/ldvExport.js";
import { accessStreamId, recordAccess } from "../../src/privacy/accessRecords.js";
import { processingRecordsFromReadRecords } from "../../src/privacy/processingExportFeed.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import type { Json, RecordedEvent } from "../../src/store/types.js";
import { BUILT_IN_NAMES } from "../api/support/hostile.js";
import { actor, ORG } from "../domain/fixtures.js";

let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** Two read records appended outside any request, as history was, in a real store. */
async function historicReads(): Promise<RecordedEvent[]> {
  store = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), "casustafel-ldv-")), "store.db"));
  for (const caseId of ["case-1", "case-2"]) {
    await recordAccess(store, {
      actor: actor(ORG.wijkteam, "professional"),
      caseId,
      subjectId: `subj-${caseId}`,
      covenantId: "cov-regio",
      itemIds: ["header"],
      now: "2025-03-11T09:00:00.000Z",
    });
  }
  return [
    ...(await store.readStream(accessStreamId("case-1"))),
    ...(await store.readStream(accessStreamId("case-2"))),
  ];
}

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

describe("processing records of read records (until processingRecordsOf is merged)", () => {
  test("Given reads appended outside a request, then each gets ids derived from its event: valid, stable and its own", async () => {
    const [first, second] = await historicReads();
    const [one] = processingRecordsFromReadRecords(first!);
    const [other] = processingRecordsFromReadRecords(second!);

    expect(one).toMatchObject({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      parentSpanId: null,
      foreignOperation: null,
      statusCode: "OK",
      attributes: { "dpl.core.data_subject_id": "subj-case-1" },
    });
    expect(processingRecordsFromReadRecords(first!)).toEqual([one]);
    expect(other?.traceId).not.toBe(one?.traceId);
    expect(other?.spanId).not.toBe(one?.spanId);
  });

  test("Given an event that is no read record, then it holds no processing record", async () => {
    const [read] = await historicReads();
    expect(processingRecordsFromReadRecords({ ...read!, type: "SignalRaised" })).toEqual([]);
  });

  test("Given any trace metadata a stored read may hold, then its record never throws and always carries exportable ids", async () => {
    const [read] = await historicReads();
    fc.assert(
      fc.property(storedTrace, (trace) => {
        const event = { ...read!, metadata: { ...read!.metadata, trace } } as RecordedEvent;
        const [record] = processingRecordsFromReadRecords(event);
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
});
