import type { DomainEvent } from "../decider.js";

/** Why two subject records were found to be one young person: a code, never free text. */
export const MERGE_REASONS = [
  "same-bsn",
  "same-name-and-birth-date",
  "confirmed-by-partner",
] as const;
export type MergeReason = (typeof MERGE_REASONS)[number];

/** Why a merge was wrong: a code, never free text. */
export const UNDO_REASONS = ["different-young-persons", "merged-in-error"] as const;
export type UndoReason = (typeof UNDO_REASONS)[number];

type DecidedBy = { userId: string; organisationId: string };

/**
 * Two subject records of the covenant are one young person from now on. Ids and codes only,
 * so the link stays readable as proof after either record is erased.
 */
export type SubjectsMerged = DomainEvent<
  "SubjectsMerged",
  {
    mergeId: string;
    covenantId: string;
    /** The two subject records linked, each with the case it was addressed by. */
    linked: { subject: string; caseId: string }[];
    reason: MergeReason;
    mergedAt: string;
    mergedBy: DecidedBy;
  }
>;

/** A merge was wrong: the two records are separate young persons again. */
export type SubjectsMergeUndone = DomainEvent<
  "SubjectsMergeUndone",
  {
    mergeId: string;
    covenantId: string;
    reason: UndoReason;
    undoneAt: string;
    undoneBy: DecidedBy;
  }
>;

export type PersonEvent = SubjectsMerged | SubjectsMergeUndone;

/**
 * Merges live in one stream per covenant, not on the subject streams: a merge touches two
 * subjects at once, and only one stream lets the append decide on every link atomically.
 */
export const personStreamId = (covenantId: string) => `persons-${covenantId}`;
