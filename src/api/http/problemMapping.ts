import type { ErrorRequestHandler, Request } from "express";
import { ZodError } from "zod";
import { IdempotencyKeyReusedError } from "../../commands/idempotentWrite.js";
import { SubjectErasedError } from "../../privacy/keys/errors.js";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../../store/errors.js";
import { sendProblem } from "./problemSchema.js";
import { ClientErrorProblem, type FieldError, HttpProblem, type ProblemKind } from "./problems.js";

/** How a domain error reads over HTTP; the domain itself never knows status codes. */
export type DomainErrorKind = Extract<
  ProblemKind,
  | "not_found"
  | "forbidden"
  | "organisation_not_permitted"
  | "state_conflict"
  | "rule_violation"
  | "share_refused"
  | "consent_refused"
  | "validation"
>;

/** Domain error codes whose kind is not on the error itself, e.g. `{ case_not_found: "not_found" }`. */
export type DomainErrorKinds = Readonly<Record<string, DomainErrorKind>>;

/** The codes of src/domain/domainError.ts; createApp's `domainErrors` adds to or overrides these. */
export const defaultDomainErrorKinds: DomainErrorKinds = {
  not_found: "not_found",
  not_permitted: "forbidden",
  organisation_not_permitted: "organisation_not_permitted",
  conflict: "state_conflict",
  invalid: "rule_violation",
  share_refused: "share_refused",
  consent_refused: "consent_refused",
};

const domainKinds = new Set<string>(Object.values(defaultDomainErrorKinds).concat("validation"));

interface DomainErrorLike {
  code: string;
  rule?: string;
  kind?: string;
  message: string;
  violations?: unknown;
}

/** A domain error carries a string `code` and either a `rule` or a `kind`; nothing else is assumed. */
function isDomainError(error: unknown): error is DomainErrorLike {
  if (!(error instanceof Error)) return false;
  const candidate = error as Error & Partial<Record<"code" | "rule" | "kind", unknown>>;
  return (
    typeof candidate.code === "string" &&
    (typeof candidate.rule === "string" || typeof candidate.kind === "string")
  );
}

export function zodFieldErrors(error: ZodError, part: FieldError["in"]): FieldError[] {
  return error.issues.map((issue) => ({
    in: part,
    path: issue.path.length === 0 ? "" : `/${issue.path.map(String).join("/")}`,
    message: issue.message,
  }));
}

const own = (record: Readonly<Record<string, DomainErrorKind>>, key: string) =>
  Object.hasOwn(record, key) ? record[key] : undefined;

function domainProblem(error: DomainErrorLike, kinds: DomainErrorKinds): HttpProblem {
  const declared = error.kind !== undefined && domainKinds.has(error.kind) ? error.kind : undefined;
  const kind = (declared ??
    own(kinds, error.code) ??
    own(defaultDomainErrorKinds, error.code) ??
    "rule_violation") as ProblemKind;
  // A not-found answer names only what was looked for: why could reveal that it exists.
  if (kind === "not_found") return new HttpProblem(kind, notFoundDetail(error.rule));
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.rule !== undefined) extensions.rule = error.rule;
  if (Array.isArray(error.violations)) extensions.violations = error.violations;
  return new HttpProblem(kind, error.message, extensions);
}

/** "share-exists" reads "No such share": the same words for an unknown and a hidden object. */
const notFoundDetail = (rule: string | undefined) =>
  rule?.endsWith("-exists") ? `No such ${rule.slice(0, -7).replaceAll("-", " ")}` : undefined;

/** Body-parser signals its failures through `type` (and a status) on the error. */
function bodyParserProblem(error: unknown): HttpProblem | undefined {
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case "entity.parse.failed":
      return new HttpProblem("malformed_json");
    case "entity.too.large":
      return new HttpProblem("payload_too_large");
    case "encoding.unsupported":
      return new HttpProblem("unsupported_content_encoding");
    case "charset.unsupported":
      return new HttpProblem("unsupported_media_type");
    case "request.aborted":
    case "request.size.invalid":
    case "entity.verify.failed":
    case "stream.encoding.set":
      return new HttpProblem("unreadable_body");
    default:
      return undefined;
  }
}

/** Body-parser passes a body that does not inflate as declared on as zlib's own error, with status 400. */
function failedToInflate(error: unknown, req: Request): boolean {
  const encoding = req.headers["content-encoding"];
  const typed = (error as { type?: unknown }).type !== undefined;
  return !typed && encoding !== undefined && encoding.toLowerCase() !== "identity";
}

const statusKinds: Readonly<Record<number, ProblemKind>> = {
  400: "malformed_request",
  404: "not_found",
  405: "method_not_allowed",
  408: "request_timeout",
  413: "payload_too_large",
  415: "unsupported_media_type",
  417: "expectation_failed",
  431: "headers_too_large",
};

/** Any error that carries a 4xx `status` or `statusCode` (express, body-parser, http-errors) is the client's. */
function clientStatusProblem(error: unknown, req: Request): HttpProblem | undefined {
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 400 || code > 499) {
    return undefined;
  }
  if (code === 400 && failedToInflate(error, req)) return new HttpProblem("unreadable_body");
  const kind = Object.hasOwn(statusKinds, code) ? statusKinds[code] : undefined;
  return kind ? new HttpProblem(kind) : new ClientErrorProblem(code);
}

export function toProblem(
  error: unknown,
  req: Request,
  kinds: DomainErrorKinds,
): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (error instanceof WrongExpectedRevisionError) {
    // Without If-Match the client expected nothing: the command was retried and lost every time.
    return req.headers["if-match"] === undefined
      ? new HttpProblem("write_contention", undefined, {}, { "Retry-After": "1" })
      : new HttpProblem("precondition_failed");
  }
  if (error instanceof IdempotencyKeyReusedError) return new HttpProblem("idempotency_key_reused");
  if (error instanceof DuplicateEventIdError) {
    return new HttpProblem("conflict", "This request was already recorded");
  }
  if (error instanceof ZodError) {
    return new HttpProblem("validation", undefined, { errors: zodFieldErrors(error, "body") });
  }
  // The key went between decide and encode: the young person was erased meanwhile.
  if (error instanceof SubjectErasedError) {
    return new HttpProblem("state_conflict", "The young person's data were erased", {
      code: "conflict",
      rule: "subject-erased",
    });
  }
  if (isDomainError(error)) return domainProblem(error, kinds);
  return bodyParserProblem(error) ?? clientStatusProblem(error, req);
}

/** The one place where errors become problem+json; unknown errors are logged and answered generically. */
export function problemMiddleware(kinds: DomainErrorKinds = {}): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = toProblem(error, req, kinds);
    if (problem) {
      sendProblem(res, problem);
      return;
    }
    // Logged with its stack for the operator; the request body is never attached.
    req.log?.error({ err: error }, "unhandled error");
    res.locals.unhandledError = true;
    sendProblem(
      res,
      new HttpProblem("internal", "An unexpected error occurred; it has been logged"),
    );
  };
}
