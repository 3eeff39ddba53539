import {
  isValidSpanId,
  isValidTraceId,
  type Link,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
} from "@opentelemetry/api";
import { ExportResultCode, hrTimeDuration, millisToHrTime } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { type Resource, resourceFromAttributes } from "@opentelemetry/resources";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

/**
 * One processing record of the LDV core (Logboek Dataverwerkingen): one action on one data
 * subject. Declared beside its exporter, which every layer may use; the privacy layer
 * re-exports this one definition from src/privacy/processing/ldvRecord.ts.
 */
export interface ProcessingRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTime: string;
  endTime: string;
  statusCode: "OK" | "ERROR";
  foreignOperation: { traceId: string; spanId: string; entity: string | null } | null;
  attributes: Record<string, string>;
}

/** Sends processing records to a logbook; resolves once it has confirmed them, rejects if not. */
export interface ProcessingRecordExporter {
  export(records: readonly ProcessingRecord[]): Promise<void>;
  shutdown(): Promise<void>;
}

const SCOPE = { name: "casustafel-ldv" };
const sampled = (traceId: string, spanId: string) => ({
  traceId,
  spanId,
  traceFlags: TraceFlags.SAMPLED,
});

/** A record whose ids an OTLP span can carry; others (a damaged history) are not sent. */
export function isExportable(record: ProcessingRecord): boolean {
  const times = [record.startTime, record.endTime].every((time) => !Number.isNaN(Date.parse(time)));
  return (
    isValidTraceId(record.traceId) &&
    isValidSpanId(record.spanId) &&
    (record.parentSpanId === null || isValidSpanId(record.parentSpanId)) &&
    times
  );
}

/**
 * Only the LDV core's attributes leave the service: our own ids (covenant, case) stay in the
 * service's read API, so a logbook learns the pseudonymous subject and the activity, no more.
 */
const coreAttributes = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).filter(([key]) => key.startsWith("dpl.")));

/** The record as an ended span with its own ids: the LDV core's fields in OTLP's places. */
export function processingRecordSpan(record: ProcessingRecord, resource: Resource): ReadableSpan {
  const startTime = millisToHrTime(Date.parse(record.startTime));
  const endTime = millisToHrTime(Date.parse(record.endTime));
  const foreign = record.foreignOperation;
  const links: Link[] = foreign
    ? [{ context: { ...sampled(foreign.traceId, foreign.spanId), isRemote: true } }]
    : [];
  const foreignAttributes = foreign
    ? {
        "dpl.core.foreign_operation.trace_id": foreign.traceId,
        "dpl.core.foreign_operation.span_id": foreign.spanId,
        ...(foreign.entity ? { "dpl.core.foreign_operation.entity": foreign.entity } : {}),
      }
    : {};
  return {
    name: record.name,
    kind: SpanKind.INTERNAL,
    spanContext: () => sampled(record.traceId, record.spanId),
    parentSpanContext: record.parentSpanId
      ? sampled(record.traceId, record.parentSpanId)
      : undefined,
    startTime,
    endTime,
    duration: hrTimeDuration(startTime, endTime),
    status: { code: record.statusCode === "OK" ? SpanStatusCode.OK : SpanStatusCode.ERROR },
    attributes: { ...coreAttributes(record.attributes), ...foreignAttributes },
    links,
    events: [],
    ended: true,
    resource,
    instrumentationScope: SCOPE,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/**
 * Processing records as OTLP/HTTP spans to `endpoint`, by the OpenTelemetry exporter (which
 * retries transient failures itself: 429, 502-504 and network errors, with backoff).
 */
export function otlpProcessingRecordExporter(settings: {
  endpoint: string;
  serviceName: string;
}): ProcessingRecordExporter {
  const spans = new OTLPTraceExporter({ url: settings.endpoint });
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName });
  return {
    export: (records) =>
      new Promise((resolve, reject) => {
        const batch = records
          .filter(isExportable)
          .map((record) => processingRecordSpan(record, resource));
        if (batch.length === 0) return resolve();
        spans.export(batch, (result) =>
          result.code === ExportResultCode.SUCCESS
            ? resolve()
            : reject(result.error ?? new Error("processing records not exported")),
        );
      }),
    shutdown: () => spans.shutdown(),
  };
}
