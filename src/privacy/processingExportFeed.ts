import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { isValidSpanId, isValidTraceId } from "@opentelemetry/api";
import type { Logger } from "pino";
import type { ProcessingRecord, ProcessingRecordExporter } from "../observability/ldvExport.js";
import type { EventStore } from "../store/eventStore.js";
import type { RecordedEvent } from "../store/types.js";
import { accessRecordFrom } from "./accessRecords.js";

/** Maps one stored event to the processing records it holds; empty for any other event. */
export type ProcessingRecordsOf = (event: RecordedEvent) => ProcessingRecord[];

/** Ids for an event appended outside a traced request (history): the same on every run. */
function derivedIds(eventId: string) {
  const digest = createHash("sha256").update(`casustafel processing ${eventId}`).digest("hex");
  return { traceId: digest.slice(0, 32), spanId: digest.slice(32, 48) };
}

/** Ids W3C Trace Context accepts: lowercase hex, not all zeros. Stored metadata may hold anything. */
const isTraceId = (value: unknown): value is string =>
  typeof value === "string" && isValidTraceId(value);
const isSpanId = (value: unknown): value is string =>
  typeof value === "string" && isValidSpanId(value);

/** The partner's operation when the stored one is well formed. */
function foreignOf(foreign: unknown): ProcessingRecord["foreignOperation"] {
  if (typeof foreign !== "object" || foreign === null) return null;
  const { traceId, spanId, entity } = foreign as Record<string, unknown>;
  if (!isTraceId(traceId) || !isSpanId(spanId)) return null;
  return { traceId, spanId, entity: typeof entity === "string" ? entity : null };
}

/** The event's trace metadata when well formed, else ids derived from the event. */
function traceOf(event: RecordedEvent) {
  const trace = event.metadata.trace as unknown;
  const { traceId, spanId, parentSpanId, foreign } =
    typeof trace === "object" && trace !== null ? (trace as Record<string, unknown>) : {};
  if (!isTraceId(traceId) || !isSpanId(spanId)) {
    return { ...derivedIds(event.eventId), parentSpanId: null, foreign: null };
  }
  return {
    traceId,
    spanId,
    parentSpanId: isSpanId(parentSpanId) ? parentSpanId : null,
    foreign: foreignOf(foreign),
  };
}

/**
 * The processing records of a read record: one read of one subject's case. Until the
 * processing register is merged (processingRecordsOf), the activity is named by its purpose.
 */
export const processingRecordsFromReadRecords: ProcessingRecordsOf = (event) => {
  const read = accessRecordFrom(event);
  if (!read) return [];
  const { traceId, spanId, parentSpanId, foreign } = traceOf(event);
  return [
    {
      traceId,
      spanId,
      parentSpanId,
      name: "case-content-read",
      startTime: read.readAt,
      endTime: event.recordedAt,
      statusCode: "OK",
      foreignOperation: foreign,
      attributes: {
        "dpl.core.processing_activity_id": `urn:casustafel:processing-activity:${read.purpose}`,
        "dpl.core.data_subject_id": read.subjectId,
        "dpl.core.data_subject_id_type": "casustafel-subject-id",
      },
    },
  ];
};

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
 * Follows the store from its head at start and exports the processing records of each new
 * event in batches. It never sits on a request's path: the store is the record of truth, and
 * a logbook that is down holds back only this feed, which retries the same batch (after the
 * exporter's own retries) until the logbook confirms it or the service stops.
 */
export async function startProcessingExport(
  settings: ProcessingExportSettings,
): Promise<ProcessingExport> {
  const { store, exporter, recordsOf, logger } = settings;
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
        pending.push(...recordsOf(event));
      } catch (error) {
        // A record the logbook misses is still in the store; the feed must not stop for it.
        logger.error(
          { err: error, position: String(event.position) },
          "processing record unreadable",
        );
      }
      if (pending.length >= batchSize) await flush();
    },
    { fromPosition: await store.headPosition() },
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
