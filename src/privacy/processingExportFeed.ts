import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { ProcessingRecord, ProcessingRecordExporter } from "../observability/ldvExport.js";
import type { EventStore } from "../store/eventStore.js";
import { type RecordedEvent, START } from "../store/types.js";

/** Folds one stored event (in store order) and gives the processing records it holds; empty for any other event. */
export type ProcessingRecordsOf = (event: RecordedEvent) => ProcessingRecord[];

export interface ProcessingExportSettings {
  store: EventStore;
  exporter: ProcessingRecordExporter;
  recordsOf: ProcessingRecordsOf;
  logger: Logger;
  /** Records per export; the feed waits for the logbook when this many are pending. */
  batchSize?: number;
  /** A partial batch goes out after this long. */
  flushMs?: number;
}

export interface ProcessingExport {
  /** Stops following the store, then sends what is pending (one more attempt) and shuts the exporter down. */
  stop(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/**
 * Follows the store from its first event, so `recordsOf` folds what a record needs (the
 * register, each case's covenant), and exports the records of every event after the head at
 * start, in batches; what came before was the previous run's to export. It never sits on a request's path: the store is the record of truth, and
 * a logbook that is down holds back only this feed, which retries the same batch (after the
 * exporter's own retries) until the logbook confirms it or the service stops.
 */
export async function startProcessingExport(
  settings: ProcessingExportSettings,
): Promise<ProcessingExport> {
  const { store, exporter, recordsOf, logger } = settings;
  const exportAfter = await store.headPosition();
  const batchSize = settings.batchSize ?? 512;
  let pending: ProcessingRecord[] = [];
  let sending: Promise<void> = Promise.resolve();
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
    if (batch.length > 0) sending = sending.then(() => send(batch));
    return sending;
  };

  const timer = setInterval(() => void flush(), settings.flushMs ?? 1_000);
  timer.unref();
  const subscription = store.subscribe(
    async (event) => {
      try {
        const records = recordsOf(event);
        if (event.position > exportAfter) pending.push(...records);
      } catch (error) {
        // A record the logbook misses is still in the store; the feed must not stop for it.
        logger.error(
          { err: error, position: String(event.position) },
          "processing record unreadable",
        );
      }
      if (pending.length >= batchSize) await flush();
    },
    { fromPosition: START },
  );
  return {
    stop: async () => {
      clearInterval(timer);
      await subscription.stop();
      stopping.abort();
      await flush();
      await exporter.shutdown();
    },
  };
}
