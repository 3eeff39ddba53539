import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type EventStore, isReadRecordStream } from "../../../src/store/eventStore.js";
import type { RecordedEvent } from "../../../src/store/types.js";
import { freshStreamId, newEvents, readAllPages } from "./support.js";

/** Reads every event outside the read-record streams after `from`, page by page. */
async function pagesExceptReadRecords(
  store: EventStore,
  from: bigint,
  limit: number,
): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let position = from; ; ) {
    const page = await store.readAllExceptReadRecords({ fromPosition: position, limit });
    all.push(...page);
    if (page.length < limit) return all;
    position = page[page.length - 1]!.position;
  }
}

/** Stream ids near the read-record prefix, and ids that are hostile elsewhere. */
const HOSTILE_STEMS = [
  "access-",
  "access",
  "Access-",
  "ACCESS-",
  "access_",
  "access%",
  "access-%",
  "accesss-",
  "xaccess-",
  "access-org-",
  " access-",
  "áccess-",
  "access\u2010",
  "access-\u{1F600}",
  "%",
  "_",
  "__proto__",
  "constructor",
  "' OR 1=1 --",
  "case-",
];

const hostileStreamId = fc
  .tuple(fc.constantFrom(...HOSTILE_STEMS), fc.string({ unit: "binary", maxLength: 6 }))
  .map(([stem, tail]) => `${stem}${tail.replaceAll("\u0000", "")}`);

const appends = fc.array(fc.tuple(hostileStreamId, fc.integer({ min: 1, max: 3 })), {
  minLength: 1,
  maxLength: 12,
});

export function readRecordFeedContract(store: () => EventStore): void {
  describe("readAllExceptReadRecords", () => {
    test("given case events between read records, when paged past the read records, then exactly the case events come back, whole and in order", async () => {
      const start = await store().headPosition();
      const caseStream = freshStreamId("case");
      const caseId = caseStream.slice("case-".length);
      for (const streamId of [`access-${caseId}`, caseStream, `access-org-${caseId}`]) {
        await store().append(streamId, newEvents(2));
        await store().append(caseStream, newEvents(1));
      }

      const paged = await pagesExceptReadRecords(store(), start, 2);

      const everything = await readAllPages(store(), start, 1000);
      expect(paged).toEqual(everything.filter((e) => e.streamId === caseStream));
      expect(paged.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    test("given appends to hostile stream ids, then it pages as readAll filtered by the read-record prefix", async () => {
      await fc.assert(
        fc.asyncProperty(appends, fc.integer({ min: 1, max: 7 }), async (writes, limit) => {
          const start = await store().headPosition();
          for (const [streamId, count] of writes) await store().append(streamId, newEvents(count));

          const paged = await pagesExceptReadRecords(store(), start, limit);

          const everything = await readAllPages(store(), start, 1000);
          const expected = everything.filter((e) => !isReadRecordStream(e.streamId));
          expect(paged.map((e) => [e.position, e.eventId, e.streamId])).toEqual(
            expected.map((e) => [e.position, e.eventId, e.streamId]),
          );
        }),
        { numRuns: 25 },
      );
    });
  });
}
