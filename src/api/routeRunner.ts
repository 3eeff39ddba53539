import type { Request, RequestHandler, Response } from "express";
import type { Json } from "../store/types.js";
import { etagFor, parseIfMatch } from "./concurrency/etag.js";
import {
  type IdempotencyStore,
  parseIdempotencyKey,
  type RememberedResponse,
  runIdempotently,
} from "./concurrency/idempotency.js";
import { awaitMinPosition, type WaitForPosition } from "./concurrency/minPosition.js";
import { parseInput } from "./requestInput.js";
import type { Route } from "./route.js";

/** What every route shares at run time; assembled by createApp. */
export interface RouteRuntime {
  idempotency?: IdempotencyStore;
  waitForPosition?: WaitForPosition;
  minPositionWaitMs: number;
  /** Check every response body against its documented schema; on in development and tests. */
  validateResponses: boolean;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A presenter that drifts from the documented schema is a bug: fail loudly before the client sees it. */
function checkResponse(route: Route, response: RememberedResponse): void {
  const schema = route.responses[response.status];
  if (schema === undefined) {
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: status ${response.status} is not documented`,
    );
  }
  if (schema === null) return;
  const result = schema.safeParse(response.body);
  if (!result.success) {
    const paths = result.error.issues
      .map((issue) => `/${issue.path.map(String).join("/")}`)
      .join(", ");
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: response ${response.status} breaks its schema at ${paths}`,
    );
  }
}

function send(res: Response, response: RememberedResponse, replayed: boolean): void {
  if (response.etag !== undefined) res.setHeader("ETag", etagFor(response.etag));
  if (response.position !== undefined) res.setHeader("Position", response.position);
  if (response.location !== undefined) res.setHeader("Location", response.location);
  if (replayed) res.setHeader("Idempotent-Replayed", "true");
  res.status(response.status);
  if (response.body === undefined) res.end();
  else res.json(response.body);
}

/** The last handler of every declared route: input, preconditions, handler, response. */
export function runRoute(route: Route, runtime: RouteRuntime): RequestHandler {
  return async (req, res) => {
    const input = parseInput(req, route);
    const expectedRevision = parseIfMatch(header(req, "if-match"));
    if (route.method === "get") {
      await awaitMinPosition(
        header(req, "min-position"),
        runtime.waitForPosition,
        runtime.minPositionWaitMs,
      );
    }
    const execute = async (): Promise<RememberedResponse> => {
      const result = await route.handle({
        ...input,
        caller: req.caller!,
        expectedRevision,
        requestId: String(req.id),
        log: req.log,
      });
      const response: RememberedResponse = {
        status: result.status,
        body: result.body as Json | undefined,
        etag: result.etag,
        position: result.position?.toString(),
        location: result.location,
      };
      if (runtime.validateResponses) checkResponse(route, response);
      return response;
    };
    const key = route.idempotent ? parseIdempotencyKey(header(req, "idempotency-key")) : undefined;
    if (key === undefined || !runtime.idempotency || !req.caller) {
      send(res, await execute(), false);
      return;
    }
    const scope = `${req.caller.organisationId}/${req.caller.userId}`;
    const hash = runtime.idempotency.fingerprint(req.method, req.originalUrl, req.body);
    const outcome = await runIdempotently(runtime.idempotency, { key, scope, hash }, execute);
    send(res, outcome.response, outcome.replayed);
  };
}
