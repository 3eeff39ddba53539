import type { ReadModel } from "../readModel.js";

/**
 * Which cases are about a subject and on which sessions' agendas. Holds ids only: the report
 * decrypts the cases themselves when it is produced, and asks the access log who read them,
 * so nothing personal waits here for an erasure.
 */
export interface SubjectIndex extends ReadModel {
  /** The subject's case ids in the covenant, in the order they were opened. */
  casesOf(subjectId: string, covenantId: string): string[];
  /** The sessions on whose agenda the case was placed, in the order it was placed. */
  sessionsOf(caseId: string): string[];
}

export function createSubjectIndex(): SubjectIndex {
  const cases = new Map<string, { caseId: string; covenantId: string }[]>();
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
      }
    },
    reset() {
      cases.clear();
      sessions.clear();
    },
    casesOf(subjectId, covenantId) {
      return (cases.get(subjectId) ?? [])
        .filter((known) => known.covenantId === covenantId)
        .map((known) => known.caseId);
    },
    sessionsOf: (caseId) => [...(sessions.get(caseId) ?? [])],
  };
}
