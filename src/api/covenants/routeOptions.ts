import type { ProblemKind } from "../problems.js";

export const covenantTags = ["covenants"] as const;

/** Problems every covenant write can answer with. */
export const covenantWriteProblems: readonly ProblemKind[] = [
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
