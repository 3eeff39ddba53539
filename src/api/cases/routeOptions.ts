import type { ProblemKind } from "../problems.js";

/** Problems every case write can answer with; a hidden case is always 404. */
export const caseWriteProblems: readonly ProblemKind[] = [
  "not_found",
  "forbidden",
  "conflict",
  "precondition_failed",
  "rule_violation",
  "payload_too_large",
  "unsupported_media_type",
  "idempotency_key_reused",
  "idempotency_in_progress",
];

export const caseTags = ["cases"] as const;
