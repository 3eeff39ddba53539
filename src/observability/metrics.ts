import type { RequestHandler } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { routeLabel } from "./requestLog.js";

/** The service's Prometheus metrics; one registry per app so tests can build several apps. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  /** Observed by instrumentEventStore around every append. */
  eventStoreAppendSeconds: Histogram<"outcome">;
  /** Events between the store's head and a projection's checkpoint; set by the projector. */
  projectionLagEvents: Gauge<"projection">;
  /** Streams whose hash chain is broken, as the integrity watch last found; set by its reports. */
  integrityBrokenStreams: Gauge;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request latency by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventStoreAppendSeconds: new Histogram({
      name: "event_store_append_seconds",
      help: "Event store append latency",
      labelNames: ["outcome"],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    projectionLagEvents: new Gauge({
      name: "projection_lag_events",
      help: "Events recorded but not yet applied, per projection",
      labelNames: ["projection"],
      registers: [registry],
    }),
    integrityBrokenStreams: new Gauge({
      name: "casustafel_integrity_broken_streams",
      help: "Streams whose hash chain is broken: a stored event was changed, removed or written around the store",
      registers: [registry],
    }),
  };
}

/** Counts and times every request once it has finished, labelled by route pattern. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const labels = { method: req.method, route: routeLabel(res), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
