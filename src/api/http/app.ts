import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { createMetrics, httpMetrics, type Metrics } from "../../observability/metrics.js";
import { requestLog } from "../../observability/requestLog.js";
import { requestTrace } from "../../observability/requestTrace.js";
import type { Tracing } from "../../observability/tracing.js";
import { operationsRoutes, type ReadinessCheck } from "../operations/routes.js";
import { authenticate, requireAnyRole } from "./auth/middleware.js";
import { loadVerificationKeys } from "./auth/verificationKeys.js";
import { createTokenVerifier, type TokenVerifier } from "./auth/verifyToken.js";
import { noStore } from "./cacheControl.js";
import type { IdempotencySecrets } from "./concurrency/idempotency.js";
import type { WaitForPosition } from "./concurrency/minPosition.js";
import { inSequence } from "./handlerSequence.js";
import { FailedAuthentications } from "./limits/failedAuthentications.js";
import { perUserRateLimit } from "./limits/rateLimit.js";
import { API_INFO, type ApiInfo, openApiDocument } from "./openapi/document.js";
import { percentEncodingGuard, requireHost } from "./pathEncoding.js";
import { type DomainErrorKinds, problemMiddleware } from "./problemMapping.js";
import { HttpProblem } from "./problems.js";
import type { Route } from "./routeDefinition.js";
import { routeDispatch } from "./routeDispatch.js";
import { runRoute } from "./routeRunner.js";
import { securityHeaders } from "./securityHeaders.js";

export interface AppDependencies {
  config: Config;
  logger: Logger;
  /** Every declared route of every resource module, e.g. `[...caseRoutes(deps), ...auditRoutes(deps)]`. */
  routes: readonly Route[];
  /** Defaults to JWKS / public key / dev key pair, as the configuration says. */
  verifyToken?: TokenVerifier;
  /** Enables Idempotency-Key on POST routes; derived from the master key (system.ts). */
  idempotency?: IdempotencySecrets;
  /** Enables Min-Position on GET routes; usually the projector's wait. */
  waitForPosition?: WaitForPosition;
  readiness?: ReadinessCheck;
  metrics?: Metrics;
  /** A trace per request, with W3C trace context in and out (its span recorded when exported). */
  tracing?: Tracing;
  /** Domain error codes whose HTTP meaning is not on the error itself. */
  domainErrors?: DomainErrorKinds;
  info?: ApiInfo;
  /** The web console (its files, settings and development sign-in), served outside /v1. */
  console?: RequestHandler;
  /** Called as shutdown begins: ends what would hold a drain open, e.g. event streams. */
  onShutdown?: () => void;
}

/** The HTTP API: the express app, its OpenAPI document and its metrics. */
export interface HttpApi {
  app: Express;
  document: Record<string, unknown>;
  metrics: Metrics;
  /** Called by the server on shutdown: /ready answers 503 and connections are not kept alive. */
  beginShutdown(): void;
}

interface Guards {
  authenticate: RequestHandler;
  limit: RequestHandler;
  json: RequestHandler;
}

function routeChain(route: Route, guards: Guards): RequestHandler[] {
  const pattern: RequestHandler = (_req, res, next) => {
    res.locals.routePattern = route.path;
    next();
  };
  // Authenticate and rate-limit before the body is read: strangers do not get JSON parsed for them.
  // Every route reads a JSON body, so one sent to a route that takes none is refused, not dropped.
  const guard = route.public ? [] : [noStore, guards.authenticate, requireAnyRole(route.roles)];
  return [pattern, ...guard, guards.limit, guards.json];
}

export async function createApp(deps: AppDependencies): Promise<HttpApi> {
  const { config, logger, routes } = deps;
  const verify =
    deps.verifyToken ?? createTokenVerifier(config, await loadVerificationKeys(config));
  const metrics = deps.metrics ?? createMetrics();
  // Built at its first request, not at every start (a tenth of a second for a page few ask for).
  let built: Record<string, unknown> | undefined;
  const document = () => (built ??= openApiDocument(routes, deps.info ?? API_INFO));
  let shuttingDown = false;

  const app = express();
  app.disable("x-powered-by");
  // API answers are not cached (no-store); routes that need an ETag set their own version.
  app.set("etag", false);
  app.set("trust proxy", config.http.trustProxy);
  app.use(
    inSequence([
      ...(deps.tracing ? [requestTrace(deps.tracing)] : []),
      securityHeaders(),
      requestLog(logger),
      httpMetrics(metrics),
      requireHost,
      percentEncodingGuard(routes.map((route) => route.path)),
      (_req, res, next) => {
        if (shuttingDown) res.setHeader("Connection", "close");
        next();
      },
    ]),
  );
  const guards: Guards = {
    authenticate: authenticate(
      verify,
      new FailedAuthentications(config.http.authFailuresPerMinute),
    ),
    limit: perUserRateLimit(config.http.rateLimitPerMinute),
    json: express.json({
      limit: config.http.bodyLimit,
      type: ["application/json", "application/*+json"],
    }),
  };
  const runtime = {
    idempotency: deps.idempotency,
    waitForPosition: deps.waitForPosition,
    minPositionWaitMs: config.minPositionWaitMs,
    validateResponses: config.env !== "production",
  };
  // The API first: its requests are the many, and no console or operations path starts with /v1.
  app.use(
    routeDispatch(routes, (route) =>
      inSequence([...routeChain(route, guards), runRoute(route, runtime)]),
    ),
  );
  app.use(
    operationsRoutes({
      document,
      metrics,
      readiness: deps.readiness,
      isShuttingDown: () => shuttingDown,
    }),
  );

  if (deps.console) app.use(deps.console);

  app.use(() => {
    throw new HttpProblem("not_found", "No such resource");
  });
  app.use(problemMiddleware(deps.domainErrors));

  return {
    app,
    get document() {
      return document();
    },
    metrics,
    beginShutdown: () => {
      shuttingDown = true;
      deps.onShutdown?.();
    },
  };
}
