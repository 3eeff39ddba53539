import {
  type Context,
  context,
  createContextKey,
  type Span,
  TraceFlags,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  RandomIdGenerator,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { Config } from "../config.js";

/** The calling partner system's operation, from its W3C traceparent (LDV `foreign_operation`). */
export type ForeignOperation = {
  traceId: string;
  spanId: string;
  /** The partner's URI, when it names itself (`Ldv-Foreign-Entity`). */
  entity?: string;
};

/** What an appended event carries of the processing that appended it (EventMetadata.trace). */
export type TraceMetadata = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  foreign?: ForeignOperation;
};

/**
 * The service's tracer; `shutdown` flushes what the span processors still hold. `recording`
 * is false when no span processor would receive a request's span (no
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): requests then get their trace context without a span
 * object (see requestTrace.ts).
 */
export interface Tracing {
  tracer: Tracer;
  recording: boolean;
  shutdown(): Promise<void>;
}

const FOREIGN_OPERATION = createContextKey("casustafel foreign operation");

/** The context a request is served in, carrying the partner's operation beside our own span. */
export function withForeignOperation(parent: Context, foreign: ForeignOperation): Context {
  return parent.setValue(FOREIGN_OPERATION, foreign);
}

let contextManagerInstalled = false;

/**
 * One AsyncLocalStorage context manager per process, installed by the first provider: the
 * store decorator reads the active span wherever an append is made. The provider itself stays
 * per service, so tests can run several with their own exporters.
 */
function installContextManager(provider: NodeTracerProvider): void {
  if (contextManagerInstalled) return;
  provider.register({ propagator: null });
  contextManagerInstalled = true;
}

/**
 * Trace context for every request (no sampling); request spans recorded and exported over
 * OTLP/HTTP only when an endpoint is set (see requestTrace.ts).
 */
export function createTracing(settings: Config["tracing"]): Tracing | undefined {
  if (!settings.enabled) return undefined;
  const spanProcessors: SpanProcessor[] = settings.requestSpansEndpoint
    ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.requestSpansEndpoint }))]
    : [];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    sampler: new AlwaysOnSampler(),
    spanProcessors,
  });
  installContextManager(provider);
  return {
    tracer: provider.getTracer("casustafel"),
    recording: spanProcessors.length > 0,
    shutdown: () => provider.shutdown(),
  };
}

const ids = new RandomIdGenerator();

/**
 * A request's own trace context when no span is recorded: new ids from the SDK's generator,
 * sampled (no processing of ours goes unrecorded: its LDV records carry these ids), as the
 * API's non-recording span, which holds the context and nothing else.
 */
export function unrecordedRequestSpan(): Span {
  return trace.wrapSpanContext({
    traceId: ids.generateTraceId(),
    spanId: ids.generateSpanId(),
    traceFlags: TraceFlags.SAMPLED,
  });
}

/**
 * The trace metadata of a processing step in the active request: our trace, a span id of its
 * own (a processing record, not a telemetry span, so no exported span shares it), the
 * request's span as its parent, and the partner's operation when one called. Outside any
 * request (start-up, a background run) there is none.
 */
export function processingTrace(): TraceMetadata | undefined {
  const active = context.active();
  const request = trace.getSpanContext(active);
  if (!request) return undefined;
  const foreign = active.getValue(FOREIGN_OPERATION) as ForeignOperation | undefined;
  // In sorted key order, as the hash chain writes it (see accessRecords.ts).
  return {
    ...(foreign ? { foreign } : {}),
    parentSpanId: request.spanId,
    spanId: ids.generateSpanId(),
    traceId: request.traceId,
  };
}
