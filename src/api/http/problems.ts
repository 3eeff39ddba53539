/** Problem `type` URIs are stable: clients branch on them, so never rename one. */
export const PROBLEM_BASE = "https://casustafel.example/problems/";

/**
 * Every problem this API can answer with; the OpenAPI document lists them all. A title is
 * true for every use of its type (DESIGN §4): a refusal that is not a concurrent change is
 * never `conflict`, and a refusal of the organisation is never titled as one of the role.
 */
export const problemCatalogue = {
  validation: { status: 400, title: "The request is not valid" },
  malformed_json: { status: 400, title: "The request body is not valid JSON" },
  malformed_request: { status: 400, title: "The request could not be read" },
  unreadable_body: {
    status: 400,
    title: "The request body could not be read as its headers declare",
  },
  unauthenticated: { status: 401, title: "Authentication is required" },
  forbidden: { status: 403, title: "The caller's role does not allow this" },
  organisation_not_permitted: {
    status: 403,
    title: "The caller's organisation may not do this",
  },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed on this resource" },
  request_timeout: { status: 408, title: "The request did not arrive in time" },
  conflict: { status: 409, title: "This write was recorded already" },
  state_conflict: { status: 409, title: "The current state does not allow this" },
  precondition_failed: { status: 412, title: "If-Match does not match the current revision" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  unsupported_media_type: {
    status: 415,
    title: "The request body must be JSON (application/json, in UTF-8)",
  },
  unsupported_content_encoding: {
    status: 415,
    title: "The request body's Content-Encoding is not supported",
  },
  expectation_failed: { status: 417, title: "The Expect header cannot be met" },
  client_error: { status: 400, title: "The request cannot be served as sent" },
  rule_violation: { status: 422, title: "A domain rule refused the request" },
  share_refused: { status: 422, title: "The share breaks one or more sharing rules" },
  consent_refused: { status: 422, title: "The consent record breaks one or more consent rules" },
  idempotency_key_reused: {
    status: 422,
    title: "The Idempotency-Key was used before with a different request",
  },
  rate_limited: { status: 429, title: "Too many requests" },
  headers_too_large: { status: 431, title: "The request headers are too large" },
  internal: { status: 500, title: "Internal server error" },
  not_yet_consistent: { status: 503, title: "The requested position is not yet readable" },
  unavailable: { status: 503, title: "The service is not ready" },
  write_contention: {
    status: 503,
    title: "Concurrent writes to this resource kept conflicting; retry shortly",
  },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemCatalogue;

/** Problems every command write (read, decide, append at If-Match) can answer with. */
export const commandWriteProblems: readonly ProblemKind[] = [
  "not_found",
  "forbidden",
  "organisation_not_permitted",
  "conflict",
  "state_conflict",
  "precondition_failed",
  "rule_violation",
  "payload_too_large",
  "unsupported_media_type",
  "idempotency_key_reused",
  "write_contention",
];

export function problemType(kind: ProblemKind): string {
  return `${PROBLEM_BASE}${kind.replaceAll("_", "-")}`;
}

/** One field that failed validation: a JSON path into the request part and why. */
export interface FieldError {
  in: "body" | "query" | "params" | "header";
  path: string;
  message: string;
}

/** An RFC 9457 problem, thrown from anywhere in the HTTP layer and rendered by the error middleware. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? problemCatalogue[kind].title);
    this.name = "HttpProblem";
  }

  get status(): number {
    return problemCatalogue[this.kind].status;
  }
}

/** A 4xx that a library raised and no kind of ours names: its status is kept as it came. */
export class ClientErrorProblem extends HttpProblem {
  constructor(readonly clientStatus: number) {
    super("client_error");
  }

  override get status(): number {
    return this.clientStatus;
  }
}
