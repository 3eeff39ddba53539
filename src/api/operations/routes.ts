import { Router as createRouter, type Router } from "express";
import type { Metrics } from "../../observability/metrics.js";
import { renderDocsPage } from "../http/openapi/docsPage.js";
import { sendProblem } from "../http/problemSchema.js";
import { HttpProblem } from "../http/problems.js";

/**
 * What `/ready` asks: is the store reachable and are the projections caught up? Degraded is
 * still ready (200, status "degraded"): something needs an operator, but taking the process
 * out of rotation would not help, as with a broken hash chain.
 */
export type ReadinessCheck = () => Promise<{
  ready: boolean;
  degraded?: boolean;
  checks?: Record<string, boolean | number | string>;
}>;

export interface OperationsOptions {
  /** The OpenAPI document, built when first asked for. */
  document: () => Record<string, unknown>;
  metrics: Metrics;
  readiness?: ReadinessCheck;
  /** Set during graceful shutdown so load balancers stop routing here before the socket closes. */
  isShuttingDown: () => boolean;
}

async function checkReadiness(readiness: ReadinessCheck | undefined) {
  if (!readiness) return { ready: true };
  try {
    return await readiness();
  } catch {
    // An unreachable store throws; for a load balancer that is simply "not ready".
    return { ready: false, checks: { error: "readiness check failed" } };
  }
}

/** Unauthenticated operational endpoints; they carry no case data. */
export function operationsRoutes(options: OperationsOptions): Router {
  const router = createRouter();
  let docs: string | undefined;
  router.get("/health", (_req, res) => {
    res.locals.routePattern = "/health";
    res.json({ status: "up" });
  });
  router.get("/ready", async (_req, res) => {
    res.locals.routePattern = "/ready";
    if (options.isShuttingDown()) {
      sendProblem(res, new HttpProblem("unavailable", "The service is shutting down"));
      return;
    }
    const outcome = await checkReadiness(options.readiness);
    if (!outcome.ready) {
      sendProblem(
        res,
        new HttpProblem(
          "unavailable",
          undefined,
          { checks: outcome.checks ?? {} },
          { "Retry-After": "1" },
        ),
      );
      return;
    }
    res.json({ status: outcome.degraded ? "degraded" : "ready", checks: outcome.checks ?? {} });
  });
  router.get("/metrics", async (_req, res) => {
    res.locals.routePattern = "/metrics";
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  router.get("/openapi.json", (_req, res) => {
    res.locals.routePattern = "/openapi.json";
    res.json(options.document());
  });
  router.get("/docs", (_req, res) => {
    res.locals.routePattern = "/docs";
    docs ??= renderDocsPage(options.document());
    res.type("html").send(docs);
  });
  return router;
}
