// Fills a store with read records as the recorded read writes them: copies of the records the
// service itself appended while the case work was written, each with a reader of its own
// organisation, its own request id and a time spread over five years, appended in batches
// through the store's own append (so the hash chain is the store's).
import { randomUUID } from "node:crypto";
import {
  accessRecordsFrom,
  CASE_CONTENT_READ,
  CASES_CONTENT_READ,
} from "../../src/privacy/accessRecords.js";
import { newEventId } from "../../src/store/eventIds.js";
import { type EventStore, isReadRecordStream } from "../../src/store/eventStore.js";
import { type NewEvent, type RecordedEvent, START } from "../../src/store/types.js";

const BATCH = 500;
const IN_FLIGHT = 8;
/** One append in this many is a read of several cases (a list, the worklist), in the reader's stream. */
const LIST_READ_EVERY = 50;
/** A list read shows a page of cases, not the region's whole case load. */
const CASES_PER_LIST_READ = 20;
const READERS_PER_ORGANISATION = 40;
const FIVE_YEARS_MS = 5 * 365 * 86_400_000;

/** The read records already in the store, checked to be what accessRecordsFrom reads. */
async function templatesIn(store: EventStore): Promise<RecordedEvent[]> {
  const templates: RecordedEvent[] = [];
  for (let from = START; ; ) {
    const page = await store.readAll({ fromPosition: from, limit: 1000 });
    templates.push(...page.filter((event) => isReadRecordStream(event.streamId)));
    if (page.length < 1000) break;
    from = page[page.length - 1]!.position;
  }
  if (templates.some((event) => accessRecordsFrom(event).length === 0))
    throw new Error("a read record the access log would not read");
  return templates;
}

function copyOf(template: RecordedEvent, n: number, total: number, firstAt: number): NewEvent {
  const data = template.data;
  const userId = `${data.userId}-${n % READERS_PER_ORGANISATION}`;
  const correlationId = randomUUID();
  const cases = Array.isArray(data.cases) ? data.cases.slice(0, CASES_PER_LIST_READ) : undefined;
  const readAt = new Date(firstAt + (FIVE_YEARS_MS * n) / total).toISOString();
  const actor = { ...template.metadata.actor!, userId };
  return {
    eventId: newEventId(),
    type: template.type,
    data: { ...data, ...(cases ? { cases } : {}), userId, readAt, correlationId },
    metadata: { actor, correlationId },
  };
}

/** Appends `total` read records, IN_FLIGHT batches at a time; resolves once all are stored. */
export async function fillReadRecords(store: EventStore, total: number): Promise<void> {
  const templates = await templatesIn(store);
  const caseReads = templates.filter((event) => event.type === CASE_CONTENT_READ);
  const listReads = templates.filter((event) => event.type === CASES_CONTENT_READ);
  if (caseReads.length === 0 || listReads.length === 0)
    throw new Error("the case work left no case read and no list read to copy");
  const firstAt = Date.now() - FIVE_YEARS_MS;
  const inFlight = new Set<Promise<unknown>>();
  for (let written = 0, batch = 0; written < total; batch++) {
    const template =
      batch % LIST_READ_EVERY === LIST_READ_EVERY - 1
        ? listReads[batch % listReads.length]!
        : caseReads[batch % caseReads.length]!;
    const count = Math.min(BATCH, total - written);
    const events = Array.from({ length: count }, (_, i) =>
      copyOf(template, written + i, total, firstAt),
    );
    written += count;
    const appended: Promise<unknown> = store
      .append(template.streamId, events)
      .finally(() => inFlight.delete(appended));
    inFlight.add(appended);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
