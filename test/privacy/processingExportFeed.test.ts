import { pino } from "pino";
import { afterEach, expect, test } from "vitest";
import {
  otlpProcessingRecordExporter,
  type ProcessingRecord,
  type ProcessingRecordExporter,
} from "../../src/observability/ldvExport.js";
import { ProcessingLedger } from "../../src/privacy/processing/ledger.js";
import { processingRecordsOf } from "../../src/privacy/processing/processingRecord.js";
import { startProcessingExport } from "../../src/privacy/processingExportFeed.js";
import { newEventId } from "../../src/store/eventIds.js";
import { type EventStore, isReadRecordStream } from "../../src/store/eventStore.js";
import type { RecordedEvent } from "../../src/store/types.js";
import { ORG } from "../domain/fixtures.js";
import { startOtlpReceiver } from "../observability/support/otlpReceiver.js";
import { caseScript, sqliteWorld, type World } from "../projections/projectorWorld.js";
import { waitUntil } from "../store/contract/support.js";

// Read records are most of a deployed store; the export's fold needs none of them, so a start
// observes the history past them and follows everything from the head on.

const BASE_URL = "https://casustafel.test";
let world: World | undefined;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  await world?.close();
  receiver = undefined;
  world = undefined;
});

/** Read records appended as a busy region's store holds them, straight to the store. */
async function readRecords(world: World, caseId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await world.store.append(
      `access-${caseId}`,
      [{ eventId: newEventId(), type: "CaseContentRead", data: { caseId, itemIds: [] } }],
      { expectedRevision: "any" },
    );
  }
}

/** The world's store, which runs `between` once, after the head is asked and before history is read. */
function storeAppendingBeforeHistory(world: World, between: () => Promise<unknown>): EventStore {
  let first = true;
  return new Proxy(world.store, {
    get(target, key) {
      if (key === "readAllExceptReadRecords") {
        return async (options: Parameters<EventStore["readAllExceptReadRecords"]>[0]) => {
          if (first) {
            first = false;
            await between();
          }
          return target.readAllExceptReadRecords(options);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function everyEvent(world: World): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let page = await world.store.readAll(); page.length > 0; ) {
    events.push(...page);
    page = await world.store.readAll({ fromPosition: page.at(-1)!.position });
  }
  return events;
}

test("given a store of case work and read records, when the export starts while a share is made, then it folds the case work only up to the head, follows every event after it once, and exports their records as a fold of every event maps them", async () => {
  // Given a case with a share, and read records of it, stored before the export starts
  world = await sqliteWorld();
  receiver = await startOtlpReceiver();
  const script = caseScript();
  for (const command of [
    script.open(),
    script.invite(ORG.wijkteam),
    script.join(ORG.wijkteam),
    script.share(),
  ])
    await world.run(command);
  await readRecords(world, script.caseId, 30);
  const head = await world.store.headPosition();
  // When the export starts, pages of seven through its history, and a share is stored between
  // its look at the head and its history; then another share is made and a read recorded
  const ledger = new ProcessingLedger(BASE_URL);
  const observed: RecordedEvent[] = [];
  const during = world;
  const running = await startProcessingExport({
    store: storeAppendingBeforeHistory(world, () =>
      during.run(script.share({ content: "Tussendoor" })),
    ),
    historyPage: 7,
    exporter: otlpProcessingRecordExporter({ endpoint: receiver.url, serviceName: "test" }),
    observe: (event) => {
      observed.push(event);
      ledger.observe(event);
    },
    recordsOf: (event) => processingRecordsOf(event, ledger),
    logger: pino({ level: "silent" }),
    flushMs: 20,
  });
  const shared = await world.run(script.share({ content: "Tweede bericht" }));
  await readRecords(world, script.caseId, 1);
  const end = await world.store.headPosition();
  for (let tries = 0; tries < 200 && observed.at(-1)?.position !== end; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await running.stop();

  // Then the history it observed is the case work alone, and after the head everything, once
  const history = observed.filter((event) => event.position <= head);
  const all = await everyEvent(world);
  expect(history.map((event) => event.position)).toEqual(
    all
      .filter((event) => event.position <= head && !isReadRecordStream(event.streamId))
      .map((event) => event.position),
  );
  expect(observed.filter((event) => event.position > head).map((event) => event.position)).toEqual(
    all.filter((event) => event.position > head).map((event) => event.position),
  );

  // And the records that arrived are those of the events after the head, as a fold of every event maps them
  const full = new ProcessingLedger(BASE_URL);
  const expected = all.flatMap((event) => {
    full.observe(event);
    const records = processingRecordsOf(event, full);
    return event.position > head ? records : [];
  });
  expect(expected.length).toBeGreaterThan(0);
  expect(all.find((event) => event.position === shared)?.type).toBe("InformationShared");
  expect(
    all.filter((event) => event.position > head && event.type === "InformationShared"),
  ).toHaveLength(2);
  const received = receiver.spans.map((span) => ({
    spanId: span.spanId,
    attributes: span.attributes,
  }));
  expect(received).toEqual(
    expected.map((record) => ({
      spanId: record.spanId,
      attributes: Object.fromEntries(
        Object.entries(record.attributes).filter(([key]) => key.startsWith("dpl.")),
      ),
    })),
  );
});

/** A case opened and joined, its ledger, and an export feed of it whose records are kept as made. */
async function caseWithFeed(exporter: ProcessingRecordExporter, flushMs = 60_000) {
  world = await sqliteWorld();
  const script = caseScript();
  for (const command of [script.open(), script.invite(ORG.wijkteam), script.join(ORG.wijkteam)])
    await world.run(command);
  const ledger = new ProcessingLedger(BASE_URL);
  const produced: ProcessingRecord[] = [];
  const running = await startProcessingExport({
    store: world.store,
    exporter,
    observe: (event) => ledger.observe(event),
    recordsOf: (event) => {
      const records = processingRecordsOf(event, ledger);
      produced.push(...records);
      return records;
    },
    logger: pino({ level: "silent" }),
    batchSize: 5,
    flushMs,
  });
  const share = (n: number) => world!.run(script.share({ content: `Bericht ${n}` }));
  return { produced, running, share };
}

/**
 * A feed to a real receiver that holds its answers: `act` makes shares and releases the answers
 * when it will; then the feed stops, and every record made must have arrived, in the order made.
 */
async function withHeldLogbook(
  flushMs: number,
  act: (feed: Awaited<ReturnType<typeof caseWithFeed>> & { release: () => void }) => Promise<void>,
) {
  receiver = await startOtlpReceiver();
  const release = receiver.holdAnswers();
  const feed = await caseWithFeed(
    otlpProcessingRecordExporter({ endpoint: receiver.url, serviceName: "test" }),
    flushMs,
  );
  try {
    await act({ ...feed, release });
  } finally {
    release();
    await feed.running.stop();
  }
  expect(receiver.spans.map((span) => span.spanId)).toEqual(
    feed.produced.map((record) => record.spanId),
  );
}

test("given a logbook slow to answer, when shares keep coming, then the feed reads on while a batch travels, stops once the next batch is full, and sends every record in order once answered", async () => {
  await withHeldLogbook(60_000, async ({ produced, share, release }) => {
    // When twelve shares are made (one record each)
    for (let n = 0; n < 12; n++) await share(n);

    // Then while the first batch waits for its answer the feed reads on to fill the next one, and stops there
    await waitUntil(
      () => receiver!.bodies.length === 1 && produced.length >= 10,
      "two batches read",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const first = JSON.parse(receiver!.bodies[0]!).resourceSpans[0].scopeSpans[0].spans.length;
    expect(first).toBe(5);
    expect(produced).toHaveLength(10);
    expect(receiver!.bodies).toHaveLength(1);

    // And once the logbook answers, the feed reads the rest (every record arrives, in order)
    release();
    await waitUntil(() => receiver!.spans.length >= 10 && produced.length === 12, "the rest read");
  });
});

test("given a partial batch the timer sent and the logbook holds, when shares trickle in slower than the timer ticks, then the timer queues nothing behind it and the feed stops once the next batch is full", async () => {
  await withHeldLogbook(20, async ({ produced, share, release }) => {
    // Given one share the timer sent alone, its answer held
    await share(0);
    await waitUntil(() => receiver!.bodies.length === 1, "the first share sent alone");

    // When eleven more come, one every 40 ms (two ticks of the timer)
    for (let n = 1; n < 12; n++) {
      await share(n);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }

    // Then the feed read the five of one full batch behind the one travelling, and no more
    expect(produced).toHaveLength(6);
    expect(receiver!.bodies).toHaveLength(1);

    // And once the logbook answers, the feed reads the rest (every record arrives, in order)
    release();
    await waitUntil(() => produced.length === 12 && receiver!.spans.length >= 6, "the rest read");
  });
});

test("given a logbook that refuses every export, when the service stops, then the feed stops without waiting for it", async () => {
  // Given a feed whose logbook is down: a batch retrying, the next one full and waiting for it
  let attempts = 0;
  const { produced, running, share } = await caseWithFeed({
    export: async () => {
      attempts++;
      throw new Error("logbook down");
    },
    shutdown: async () => {},
  });
  for (let n = 0; n < 11; n++) await share(n);
  await waitUntil(() => attempts >= 1 && produced.length >= 10, "a batch retrying, the next full");

  // When it stops, Then it is done within a second (its retries wait one second and more)
  const stopped = Date.now();
  await running.stop();
  expect(Date.now() - stopped).toBeLessThan(1_000);
});
