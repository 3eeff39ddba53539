import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

declare global {
  namespace Express {
    interface Locals {
      /** The declared route pattern (`/v1/cases/{caseId}`), for logs and metrics. */
      routePattern?: string;
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

/**
 * One log line per request: method, route pattern, status, duration, user and organisation
 * ids. No URL (query strings may carry search terms), no headers, no bodies.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers["x-request-id"];
      const id =
        typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    quietReqLogger: true,
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
    customProps: (req, res) => {
      const caller = (req as Request).caller;
      return {
        route: routeLabel(res as Response),
        userId: caller?.userId,
        organisationId: caller?.organisationId,
      };
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    customSuccessMessage: () => "request completed",
    customErrorMessage: () => "request failed",
  });
}
