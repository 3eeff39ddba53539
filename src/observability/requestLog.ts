import { randomUUID } from "node:crypto";
import { context, trace } from "@opentelemetry/api";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";

declare global {
  namespace Express {
    interface Locals {
      /** The declared route pattern (`/v1/cases/{caseId}`), for logs and metrics. */
      routePattern?: string;
    }
    interface Request {
      /** The request id, also sent back as X-Request-Id. */
      id: string;
      /** A logger carrying the request id; made on first use. */
      log: Logger;
    }
  }
}

export function routeLabel(res: Response): string {
  return res.locals.routePattern ?? "unmatched";
}

/**
 * An error as the operator needs it: its type, code and stack frames. The message is left
 * out: a driver or library may quote the values it choked on, and those can be personal.
 */
export function safeError(err: Error & { code?: unknown }) {
  return {
    type: err.name,
    code: typeof err.code === "string" ? err.code : undefined,
    frames: err.stack
      ?.split("\n")
      .slice(1, 12)
      .map((line) => line.trim()),
  };
}

/** The request id: the caller's X-Request-Id when it is a plain token, else a new UUID. */
function requestIdOf(req: Request): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * One log line per request: method, route pattern, status, duration, trace, user and organisation
 * ids. No URL (query strings may carry search terms), no headers, no bodies. Written by hand
 * rather than with pino-http: its per-request child logger cost a tenth of a case read's CPU,
 * so `req.log` is made only when a handler asks for it.
 */
export function requestLog(logger: Logger): RequestHandler {
  // The line's fields are the fixed ones below, ids and numbers, none personal: it skips the
  // redaction walk (redactedPaths), which cloned and searched it for every wildcard path, a
  // tenth of a case read's allocation. Anything else logged keeps it, `req.log` included.
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const id = requestIdOf(req);
    // The request's trace (requestTrace.ts runs first), so a log line leads to its spans.
    const traceId = trace.getSpanContext(context.active())?.traceId;
    req.id = id;
    res.setHeader("X-Request-Id", id);
    let child: Logger | undefined;
    Object.defineProperty(req, "log", {
      configurable: true,
      get: () => {
        child ??= logger.child({ req: { id, method: req.method } });
        return child;
      },
    });
    // "close" also comes when the client goes away before the answer is written.
    res.once("close", () => {
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      const level = status >= 500 || aborted ? "error" : status >= 400 ? "warn" : "info";
      lines[level](
        {
          req: { id, method: req.method },
          res: { statusCode: status },
          responseTime: Number(process.hrtime.bigint() - started) / 1e6,
          route: routeLabel(res),
          traceId,
          userId: req.caller?.userId,
          organisationId: req.caller?.organisationId,
        },
        aborted ? "request aborted" : status >= 500 ? "request failed" : "request completed",
      );
    });
    next();
  };
}
