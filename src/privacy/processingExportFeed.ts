import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { ProcessingRecord, ProcessingRecordExporter } from "../observability/ldvExport.js";
import type { EventStore } from "../store/eventStore.js";
import { type RecordedEvent, START } from "../store/types.js";

export interface ProcessingExportSettings {
  store: EventStore;
  exporter: ProcessingRecordExporter;
  /** Folds one stored event, in store order, into what its records are mapped against. Read records change nothing in it. */
  observe: (event: RecordedEvent) => void;
  /** The processing records an event holds, once observed; empty for an event that is no processing action. */
  recordsOf: (event: RecordedEvent) => ProcessingRecord[];
  logger: Logger;
  /** Records per export; the feed waits for the logbook when a batch is full while the one before is still on its way. */
  batchSize?: number;
  /** A partial batch goes out after this long. */
  flushMs?: number;
  /** Events per page of the history folded at start; default 1000. */
  historyPage?: number;
}

export interface ProcessingExport {
  /** Stops following the store, then sends what is pending (one more attempt) and shuts the exporter down. */
  stop(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/**
 * Observes the history up to `head` past the read records: the fold needs the covenants,
 * cases and merges, and read records are most of a deployed store (millions after years).
 */
async function observeHistory(
  store: EventStore,
  observe: (event: RecordedEvent) => void,
  head: bigint,
  limit: number,
): Promise<void> {
  for (let from = START; ; ) {
    const page = await store.readAllExceptReadRecords({ fromPosition: from, limit });
    for (const event of page) {
      if (event.position > head) return;
      observe(event);
    }
    if (page.length < limit) return;
    from = page.at(-1)!.position;
  }
}

/**
 * Observes the store's history past its read records, then follows it from the head at start
 * and exports the records of every event after it, in batches; what came before was the
 * previous run's to export. It never sits on a request's path: the store is the record of truth, and
 * a logbook that is down holds back only this feed, which retries the same batch (after the
 * exporter's own retries) until the logbook confirms it or the service stops.
 */
export async function startProcessingExport(
  settings: ProcessingExportSettings,
): Promise<ProcessingExport> {
  const { store, exporter, recordsOf, logger } = settings;
  // An event the fold cannot take is still in the store; the feed must not stop for it.
  const observe = (event: RecordedEvent) => {
    try {
      settings.observe(event);
      return true;
    } catch (error) {
      logger.error({ err: error, position: String(event.position) }, "processing event unreadable");
      return false;
    }
  };
  const exportAfter = await store.headPosition();
  await observeHistory(store, observe, exportAfter, settings.historyPage ?? 1000);
  const batchSize = settings.batchSize ?? 512;
  let pending: ProcessingRecord[] = [];
  let sending: Promise<void> = Promise.resolve();
  // Batches handed to `sending` and not yet answered.
  let inFlight = 0;
  const stopping = new AbortController();

  const send = async (batch: ProcessingRecord[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await exporter.export(batch);
      } catch (error) {
        logger.warn(
          { err: error, records: batch.length, attempt },
          "processing records not exported",
        );
        if (stopping.signal.aborted) return;
        const delay = Math.min(1_000 * 2 ** attempt, MAX_RETRY_MS);
        await sleep(delay, undefined, { signal: stopping.signal }).catch(() => {});
      }
    }
  };
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return sending;
    inFlight++;
    sending = sending.then(() => send(batch)).finally(() => inFlight--);
    return sending;
  };

  // A partial batch goes out only when none travels: with the logbook down, the timer must not
  // queue a batch a tick while the store keeps moving.
  const timer = setInterval(() => {
    if (inFlight === 0) void flush();
  }, settings.flushMs ?? 1_000);
  timer.unref();
  const subscription = store.subscribe(
    async (event) => {
      try {
        if (observe(event)) pending.push(...recordsOf(event));
      } catch (error) {
        // A record the logbook misses is still in the store; the feed must not stop for it.
        logger.error(
          { err: error, position: String(event.position) },
          "processing record unreadable",
        );
      }
      if (pending.length < batchSize) return;
      // The batch before this one may still be on its way: this one goes after it, and the
      // feed waits only for that one, so it reads on while a batch travels and holds at most
      // two and the one filling. Waiting for both stalled the feed for every round trip, and
      // a feed that falls behind the store's in-memory tail reads each event from disk.
      const before = sending;
      void flush();
      await before;
    },
    { fromPosition: exportAfter },
  );
  return {
    stop: async () => {
      clearInterval(timer);
      // Aborted before the subscription is awaited: its handler may wait on a batch that the
      // logbook refuses, and only the abort ends that batch's retries.
      const ended = subscription.stop();
      stopping.abort();
      await ended;
      await flush();
      await exporter.shutdown();
    },
  };
}
