import type { ErrorRequestHandler, Request } from "express";
import { ZodError } from "zod";
import { IdempotencyKeyReusedError } from "../commands/idempotentWrite.js";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../store/errors.js";
import { type FieldError, HttpProblem, type ProblemKind, sendProblem } from "./problems.js";

/** How a domain error reads over HTTP; the domain itself never knows status codes. */
export type DomainErrorKind =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "rule_violation"
  | "validation";

/** Domain error codes whose kind is not on the error itself, e.g. `{ case_not_found: "not_found" }`. */
export type DomainErrorKinds = Readonly<Record<string, DomainErrorKind>>;

/** The codes of src/domain/domainError.ts; createApp's `domainErrors` adds to or overrides these. */
export const defaultDomainErrorKinds: DomainErrorKinds = {
  not_found: "not_found",
  not_permitted: "forbidden",
  conflict: "conflict",
  invalid: "rule_violation",
  share_refused: "rule_violation",
};

const domainKinds = new Set<string>([
  "not_found",
  "forbidden",
  "conflict",
  "rule_violation",
  "validation",
]);

interface DomainErrorLike {
  code: string;
  rule?: string;
  kind?: string;
  message: string;
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

function domainProblem(error: DomainErrorLike, kinds: DomainErrorKinds): HttpProblem {
  const declared = error.kind !== undefined && domainKinds.has(error.kind) ? error.kind : undefined;
  const kind = (declared ??
    kinds[error.code] ??
    defaultDomainErrorKinds[error.code] ??
    "rule_violation") as ProblemKind;
  // A not-found answer must not hint at why: it could reveal that the case exists.
  const detail = kind === "not_found" ? undefined : error.message;
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.rule !== undefined && kind !== "not_found") extensions.rule = error.rule;
  return new HttpProblem(kind, detail, extensions);
}

/** Body-parser signals its failures through `type` and `status` on the error. */
function bodyParserProblem(error: unknown): HttpProblem | undefined {
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case "entity.parse.failed":
      return new HttpProblem("malformed_json");
    case "entity.too.large":
      return new HttpProblem("payload_too_large");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpProblem("unsupported_media_type");
    case "request.aborted":
    case "request.size.invalid":
    case "entity.verify.failed":
    case "stream.encoding.set":
      return new HttpProblem("validation", "The request body could not be read");
    default:
      return undefined;
  }
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
  if (isDomainError(error)) return domainProblem(error, kinds);
  return bodyParserProblem(error);
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
