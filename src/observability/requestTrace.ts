import {
  context,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from "@opentelemetry/semantic-conventions";
import type { Request, RequestHandler, Response } from "express";
import { routeLabel } from "./requestLog.js";
import {
  type ForeignOperation,
  type Tracing,
  unrecordedRequestSpan,
  withForeignOperation,
} from "./tracing.js";

const propagator = new W3CTraceContextPropagator();

/** The header a partner system names itself with, so its operation can be found again (LDV). */
export const FOREIGN_ENTITY_HEADER = "ldv-foreign-entity";

/**
 * The partner's URI when it is one: http(s) or urn, at most 256 characters, no query or
 * fragment (where values, and so personal data, would travel). Anything else is left out.
 */
function entityOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string" || header.length > 256) return undefined;
  if (!/^(https?:\/\/|urn:)[\x21-\x7e]+$/.test(header) || /[?#]/.test(header)) return undefined;
  return URL.canParse(header) ? header : undefined;
}

/** The calling system's span from its `traceparent` and `tracestate`; undefined when absent or malformed. */
function callerOf(req: Request): SpanContext | undefined {
  const extracted = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
  return trace.getSpanContext(extracted);
}

function foreignOperationOf(req: Request, caller: SpanContext): ForeignOperation {
  const entity = entityOf(req.headers[FOREIGN_ENTITY_HEADER]);
  // In sorted key order, as the hash chain writes it (see accessRecords.ts).
  return { ...(entity ? { entity } : {}), spanId: caller.spanId, traceId: caller.traceId };
}

/**
 * A trace for every request; its server span, when recorded, is named and labelled by the
 * route pattern and status only (never the URL, whose values may be personal). A caller's
 * trace context does not become our trace: another organisation's ids stay theirs (LDV
 * `foreign_operation`), so our span starts a trace of its own and its `traceparent` goes back
 * in the response. The span is recorded (with a link to the caller's) only when request spans
 * are exported: otherwise nothing would receive it, so the request keeps its ids (for its
 * traceparent and its processing records) without a span object (bench/README.md says what
 * that saves a case read).
 */
export function requestTrace(tracing: Tracing): RequestHandler {
  return (req, res, next) => {
    const caller = callerOf(req);
    const foreign = caller && foreignOperationOf(req, caller);
    const span = tracing.recording
      ? recordedSpan(tracing, req, res, caller)
      : unrecordedRequestSpan();
    const served = trace.setSpan(
      foreign ? withForeignOperation(ROOT_CONTEXT, foreign) : ROOT_CONTEXT,
      span,
    );
    propagator.inject(served, res, {
      set: (response, header, value) => response.setHeader(header, value),
    });
    // No emitter binding: the body parser (raw-body) keeps the async context itself, and a
    // bound request or response wrapped every listener, a fifth of tracing's cost per read.
    context.with(served, next);
  };
}

/** The request's server span, recorded for the span processors and ended when the answer is. */
function recordedSpan(
  tracing: Tracing,
  req: Request,
  res: Response,
  caller: SpanContext | undefined,
): Span {
  const span = tracing.tracer.startSpan(
    req.method,
    {
      kind: SpanKind.SERVER,
      root: true,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method },
      links: caller ? [{ context: caller }] : [],
    },
    ROOT_CONTEXT,
  );
  res.once("close", () => {
    const route = routeLabel(res);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({
      [ATTR_HTTP_ROUTE]: route,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: res.statusCode,
    });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return span;
}
