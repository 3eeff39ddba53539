import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import type { Json } from "../../store/types.js";
import { etagFor, parseIfMatch } from "./concurrency/etag.js";
import {
  type IdempotencySecrets,
  keyedWrite,
  parseIdempotencyKey,
} from "./concurrency/idempotency.js";
import { awaitMinPosition, type WaitForPosition } from "./concurrency/minPosition.js";
import {
  contentDisposition,
  type DocumentFile,
  type DocumentMediaType,
  documentMediaType,
} from "./documentResponse.js";
import { parseInput } from "./requestInput.js";
import type { EventChannel, Route } from "./routeDefinition.js";

/** What every route shares at run time; assembled by createApp. */
export interface RouteRuntime {
  /** Enables Idempotency-Key on POST routes. */
  idempotency?: IdempotencySecrets;
  waitForPosition?: WaitForPosition;
  minPositionWaitMs: number;
  /** Check every response body against its documented schema; on in development and tests. */
  validateResponses: boolean;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A handler's result as it goes out: status, body and the headers a replay repeats. */
interface RouteResponse {
  status: number;
  body: Json | undefined;
  /** Instead of a JSON body: a document (PDF, invite) sent as its bytes. */
  document?: DocumentFile & { mediaType: DocumentMediaType };
  etag?: number;
  /** Decimal string: the store position of the write. */
  position?: string;
  location?: string;
  next?: string;
}

/** A presenter that drifts from the documented schema is a bug: fail loudly before the client sees it. */
function checkResponse(route: Route, response: RouteResponse): void {
  const schema = route.responses[response.status];
  if (schema === undefined) {
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: status ${response.status} is not documented`,
    );
  }
  if (schema === null) return;
  const result = schema.safeParse(response.document ?? response.body);
  if (!result.success) {
    const paths = result.error.issues
      .map((issue) => `/${issue.path.map(String).join("/")}`)
      .join(", ");
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: response ${response.status} breaks its schema at ${paths}`,
    );
  }
}

function send(res: Response, response: RouteResponse, replayed: boolean): void {
  if (response.etag !== undefined) res.setHeader("ETag", etagFor(response.etag));
  if (response.position !== undefined) res.setHeader("Position", response.position);
  if (response.location !== undefined) res.setHeader("Location", response.location);
  if (response.next !== undefined) res.setHeader("Link", `<${response.next}>; rel="next"`);
  if (replayed) res.setHeader("Idempotent-Replayed", "true");
  res.status(response.status);
  if (response.document) sendDocument(res, response.document);
  else if (response.body === undefined) res.end();
  else sendJson(res, response.body);
}

/**
 * A JSON body as express's `res.json` sends it (type, length, a 304 to a conditional GET whose
 * ETag still holds), without re-parsing the content type and rewriting its charset on every
 * answer.
 */
function sendJson(res: Response, body: Json): void {
  if (response304(res)) return;
  const text = JSON.stringify(body);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

/** Express's freshness check (ETag or `If-None-Match: *`), asked only of a conditional request. */
function response304(res: Response): boolean {
  const { headers } = res.req;
  const conditional =
    headers["if-none-match"] !== undefined || headers["if-modified-since"] !== undefined;
  if (!conditional || !res.req.fresh) return false;
  res.status(304).end();
  return true;
}

function sendDocument(res: Response, document: NonNullable<RouteResponse["document"]>): void {
  res.type(document.mediaType);
  res.setHeader("Content-Disposition", contentDisposition(document.filename));
  res.send(document.content);
}

/** Answers 200 text/event-stream and hands the route a channel to write events to. */
function openEventStream(res: Response): EventChannel {
  res.status(200);
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  const line = (text: string) => text.replace(/[\r\n]/g, " ");
  return {
    send: ({ id, event, data }) => {
      res.write(`id: ${line(id)}\nevent: ${line(event)}\ndata: ${line(data)}\n\n`);
    },
    comment: (text) => res.write(`: ${line(text)}\n\n`),
    onClose: (listener) => res.once("close", listener),
    end: () => res.end(),
  };
}

/** The last handler of every declared route: input, preconditions, handler, response. */
export function runRoute(route: Route, runtime: RouteRuntime): RequestHandler {
  return async (req, res) => {
    const input = parseInput(req, route);
    const expectedRevision = parseIfMatch(header(req, "if-match"));
    const minPosition = route.method === "get" ? header(req, "min-position") : undefined;
    if (minPosition !== undefined) {
      await awaitMinPosition(minPosition, runtime.waitForPosition, runtime.minPositionWaitMs);
    }
    const write = keyedWriteOf(route, req, runtime);
    const result = await route.handle({
      ...input,
      caller: req.caller!,
      expectedRevision,
      requestId: String(req.id),
      // Asked for only when a handler logs: making the request's child logger costs 6 KB.
      get log() {
        return req.log;
      },
      newId: write ? write.id : () => randomUUID(),
      idempotency: write,
      header: (name) => header(req, name),
    });
    if (result.stream) {
      result.stream(openEventStream(res));
      return;
    }
    const documented = route.responses[result.status];
    const mediaType = documented ? documentMediaType(documented) : undefined;
    const response: RouteResponse = {
      status: result.status,
      ...(mediaType
        ? { body: undefined, document: { ...(result.body as unknown as DocumentFile), mediaType } }
        : { body: result.body as Json | undefined }),
      etag: result.etag,
      position: result.position?.toString(),
      location: result.location,
      next: result.next ?? undefined,
    };
    if (runtime.validateResponses) {
      checkResponse(route, response);
      // A handler that never hands the key to its command would write again on every retry.
      if (write && write.stream === undefined) {
        throw new Error(`${route.method.toUpperCase()} ${route.path} ignored its Idempotency-Key`);
      }
    }
    send(res, response, write?.replayed ?? false);
  };
}

/**
 * The write an Idempotency-Key names: its ids and event ids derive from the key, so a retry
 * after any failure, a crash included, finds the first attempt's events or makes them once.
 */
function keyedWriteOf(
  route: Route,
  req: Request,
  runtime: RouteRuntime,
): IdempotentWrite | undefined {
  const key = route.idempotent ? parseIdempotencyKey(header(req, "idempotency-key")) : undefined;
  if (key === undefined || !runtime.idempotency || !req.caller) return undefined;
  const request = { method: req.method, path: req.originalUrl, body: req.body };
  return keyedWrite(runtime.idempotency, req.caller, key, request);
}
