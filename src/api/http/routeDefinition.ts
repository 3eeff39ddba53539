import type { Logger } from "pino";
import type { z } from "zod";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import type { Actor } from "../../domain/index.js";
import type { Role } from "./auth/claims.js";
import type { ExpectedRevisionFromHeader } from "./concurrency/etag.js";
import type { ProblemKind } from "./problems.js";
import { assertRequestSchema, strictTop } from "./schemaRules.js";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Documented responses by status; `null` means no body (204). */
export type Responses = { [status: number]: z.ZodType | null };

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: validated input and who is calling. */
export interface RouteRequest<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  /** The verified caller; on `public` routes it is absent. */
  caller: Actor;
  /** From If-Match: the revision the client last saw, to pass as the append's expected revision. */
  expectedRevision: ExpectedRevisionFromHeader | undefined;
  requestId: string;
  /** The request's logger: it already carries request id, route, user and organisation ids. */
  log: Logger;
  /** A new id for something the request creates (`label` names which); the same on every retry of a keyed POST. */
  newId(label: string): string;
  /** The request's Idempotency-Key, for the command that writes: a retry then answers from the first attempt. */
  idempotency?: IdempotentWrite;
  /** A request header (lower-case name) the route reads beyond its schemas, e.g. Last-Event-ID. */
  header(name: string): string | undefined;
}

/** A Server-Sent Events stream (text/event-stream) a route holds open after its answer. */
export interface EventChannel {
  /** One event: its `id:` (for Last-Event-ID), `event:` name and JSON data. */
  send(event: { id: string; event: string; data: string }): void;
  /** A comment line, e.g. a heartbeat that keeps proxies from closing an idle stream. */
  comment(text: string): void;
  /** Called once when the client disconnects or the stream is ended. */
  onClose(listener: () => void): void;
  end(): void;
}

/** What a handler returns; the runner turns it into status, headers and JSON. */
export type RouteResult<R extends Responses> = {
  [S in keyof R & number]: {
    status: S;
    body: R[S] extends z.ZodType ? z.input<R[S]> : undefined;
    /** The stream revision after this request; sent as `ETag: "<revision>"`. */
    etag?: number;
    /** The global position of the write; sent as `Position`, for `Min-Position` on later reads. */
    position?: bigint;
    /** Sent as `Location`, e.g. for 201. */
    location?: string;
    /** The next page of a paged answer, sent as `Link: <next>; rel="next"` (RFC 8288): a document has no body to say it in. */
    next?: string | null;
    /** Keeps the response open as an event stream, written by this function, instead of a body. */
    stream?: (channel: EventChannel) => void;
  };
}[keyof R & number];

export interface RouteSpec<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends Responses,
> {
  method: HttpMethod;
  /** OpenAPI style: `/v1/cases/{caseId}`. */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Any one of these roles admits the caller; omitted or empty admits every authenticated caller. */
  roles?: readonly Role[];
  /** No token needed (catalogue-like reads); rate limited by IP. */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  responses: R;
  /** Problems this route can answer with beyond the ones every route has (auth, validation, 429, 500). */
  problems?: readonly ProblemKind[];
  /** POST only: honour Idempotency-Key (default true for POST); the handler hands `idempotency` to its command. */
  idempotent?: boolean;
}

/** A declared route with its types erased, as the app, the runner and OpenAPI see it. */
export interface Route {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  roles: readonly Role[];
  public: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Responses;
  problems: readonly ProblemKind[];
  idempotent: boolean;
  handle(request: RouteRequest<unknown, unknown, unknown>): Promise<RouteResult<Responses>>;
}

const pathParameter = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(pathParameter)].map((match) => match[1]!);
}

/** The express form of a declared path: `{caseId}` becomes `:caseId`. */
export function expressPath(path: string): string {
  return path.replace(pathParameter, ":$1");
}

export type RouteHandler<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends Responses,
> = (request: RouteRequest<Infer<P>, Infer<Q>, Infer<B>>) => Promise<RouteResult<R>>;

/**
 * Declares one route: `defineRoute({ method, path, ..., responses }).handle(async (request) => ...)`.
 * Two steps because TypeScript keeps a handler's literal statuses only once the schemas are
 * fixed. Fails at start-up when the declaration is unsafe: a path parameter without a params
 * schema, a non-strict object or an unbounded string in the input.
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends Responses = Responses,
>(spec: RouteSpec<P, Q, B, R>): { handle(handler: RouteHandler<P, Q, B, R>): Route } {
  const where = `${spec.method.toUpperCase()} ${spec.path}`;
  if (pathParameterNames(spec.path).length > 0 && !spec.params) {
    throw new Error(`${where}: path parameters need a params schema`);
  }
  const params = spec.params ? strictTop(spec.params) : undefined;
  const query = spec.query ? strictTop(spec.query) : undefined;
  const body = spec.body ? strictTop(spec.body) : undefined;
  for (const schema of [params, query, body]) if (schema) assertRequestSchema(schema, where);
  if (Object.keys(spec.responses).length === 0) throw new Error(`${where}: document a response`);
  return {
    handle: (handler) => ({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      description: spec.description,
      tags: spec.tags,
      roles: spec.roles ?? [],
      public: spec.public ?? false,
      params,
      query,
      body,
      responses: spec.responses,
      problems: spec.problems ?? [],
      idempotent: spec.method === "post" && (spec.idempotent ?? true),
      handle: (request) =>
        handler(request as RouteRequest<Infer<P>, Infer<Q>, Infer<B>>) as Promise<
          RouteResult<Responses>
        >,
    }),
  };
}
