import type { DomainEvent } from "../decider.js";

/** Why a subject's data were erased: a code, never free text, so the event holds no personal data. */
export type ErasureReason =
  | "data-subject-request"
  | "unlawful-processing"
  | "consent-withdrawn"
  | "retention";

/**
 * The subject's key is to be deleted (crypto-shredding). Stays readable forever as proof:
 * no personal field, only ids, the reason code, the time and who decided it.
 */
export type SubjectErased = DomainEvent<
  "SubjectErased",
  {
    subjectId: string;
    caseIds: string[];
    reason: ErasureReason;
    erasedAt: string;
    /** The covenant privacy officer who decided it; null when the retention job did. */
    erasedBy: { userId: string; organisationId: string } | null;
  }
>;

export type SubjectEvent = SubjectErased;
export type SubjectEventType = SubjectEvent["type"];

export const subjectStreamId = (subjectId: string) => `subject-${subjectId}`;
