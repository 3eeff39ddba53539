import { type AccessRecord, accessRecordsFrom } from "../../privacy/accessRecords.js";
import type { ReadModel } from "../readModel.js";

/** A read of the subject's case as the subject may learn of it (C-579/21): when, by which organisation, why. */
export type SubjectRead = Pick<
  AccessRecord,
  "readAt" | "organisationId" | "purpose" | "caseId" | "itemIds"
>;

/**
 * Which cases are about a subject, on which sessions' agendas, and who read them. Holds ids, purposes and times
 * only: the report decrypts the cases themselves when it is produced, so nothing
 * personal waits here for an erasure.
 */
export interface SubjectIndex extends ReadModel {
  /** The subject's case ids in the covenant, in the order they were opened. */
  casesOf(subjectId: string, covenantId: string): string[];
  /** Reads of the subject's cases in the covenant, oldest first. */
  readsOf(subjectId: string, covenantId: string): SubjectRead[];
  /** The sessions on whose agenda the case was placed, in the order it was placed. */
  sessionsOf(caseId: string): string[];
}

export function createSubjectIndex(): SubjectIndex {
  const cases = new Map<string, { caseId: string; covenantId: string }[]>();
  const reads = new Map<string, AccessRecord[]>();
  const sessions = new Map<string, Set<string>>();

  return {
    name: "subjectReport",
    apply(event) {
      if (event.type === "CaseOpened") {
        const { subjectId, caseId, covenantId } = event.data;
        if (typeof subjectId !== "string" || typeof caseId !== "string") return;
        if (typeof covenantId !== "string") return;
        cases.set(subjectId, [...(cases.get(subjectId) ?? []), { caseId, covenantId }]);
        return;
      }
      if (event.type === "AgendaItemAdded") {
        const { caseId, sessionId } = event.data;
        if (typeof caseId !== "string" || typeof sessionId !== "string") return;
        sessions.set(caseId, (sessions.get(caseId) ?? new Set()).add(sessionId));
        return;
      }
      for (const record of accessRecordsFrom(event)) {
        reads.set(record.subjectId, [...(reads.get(record.subjectId) ?? []), record]);
      }
    },
    reset() {
      cases.clear();
      reads.clear();
      sessions.clear();
    },
    casesOf(subjectId, covenantId) {
      return (cases.get(subjectId) ?? [])
        .filter((known) => known.covenantId === covenantId)
        .map((known) => known.caseId);
    },
    readsOf(subjectId, covenantId) {
      return (reads.get(subjectId) ?? [])
        .filter((record) => record.covenantId === covenantId)
        .map(({ readAt, organisationId, purpose, caseId, itemIds }) => ({
          readAt,
          organisationId,
          purpose,
          caseId,
          itemIds: [...itemIds],
        }));
    },
    sessionsOf: (caseId) => [...(sessions.get(caseId) ?? [])],
  };
}
