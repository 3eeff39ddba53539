import type { RecordedEvent } from "../../store/types.js";

/** What the retention job knows of a case; all of it is plaintext metadata, nothing is decrypted. */
type CaseRetention = {
  subjectId: string;
  covenantId: string;
  closed: boolean;
  /** From CaseClosed, moved later by RetentionExtended, cleared by CaseReopened. */
  retentionUntil: string | null;
};

/** A subject whose every case is closed and past its retention. */
export interface DueSubject {
  subjectId: string;
  /** The covenant of the subject's latest case. */
  covenantId: string;
  caseIds: string[];
  /** The latest retentionUntil over those cases. */
  retentionUntil: string;
}

export interface RetentionDue {
  due: DueSubject[];
  /** Subjects with a case past retention that another open (or still retained) case holds. */
  held: number;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** A fold over the store of the facts retention decides on. Never throws on a recorded event. */
export class RetentionLedger {
  private readonly cases = new Map<string, CaseRetention>();
  private readonly casesOfSubject = new Map<string, string[]>();
  private readonly erased = new Set<string>();

  apply(event: RecordedEvent): void {
    const { data } = event;
    if (event.type === "SubjectErased") {
      const subjectId = text(data.subjectId);
      if (subjectId !== null) this.erased.add(subjectId);
      return;
    }
    if (!event.streamId.startsWith("case-")) return;
    const caseId = text(data.caseId);
    if (caseId === null) return;
    if (event.type === "CaseOpened") {
      const subjectId = text(data.subjectId);
      const covenantId = text(data.covenantId);
      if (subjectId === null || covenantId === null) return;
      this.cases.set(caseId, { subjectId, covenantId, closed: false, retentionUntil: null });
      this.casesOfSubject.set(subjectId, [...(this.casesOfSubject.get(subjectId) ?? []), caseId]);
      return;
    }
    const known = this.cases.get(caseId);
    if (!known) return;
    if (event.type === "CaseClosed") {
      known.closed = true;
      known.retentionUntil = text(data.retentionUntil);
    } else if (event.type === "CaseReopened") {
      known.closed = false;
      known.retentionUntil = null;
    } else if (event.type === "RetentionExtended") {
      known.retentionUntil = text(data.retentionUntil);
    }
  }

  /** Subjects not yet erased whose cases are all closed with retention ended at `now`. */
  dueAt(now: string): RetentionDue {
    const at = Date.parse(now);
    const ended = (retention: CaseRetention) =>
      retention.closed &&
      retention.retentionUntil !== null &&
      Date.parse(retention.retentionUntil) <= at;
    const due: DueSubject[] = [];
    let held = 0;
    for (const [subjectId, caseIds] of this.casesOfSubject) {
      if (this.erased.has(subjectId)) continue;
      const cases = caseIds.map((caseId) => this.cases.get(caseId) as CaseRetention);
      if (!cases.some(ended)) continue;
      if (!cases.every(ended)) {
        held++;
        continue;
      }
      const retentionUntil = cases
        .map((retention) => retention.retentionUntil as string)
        .reduce((latest, until) => (Date.parse(until) > Date.parse(latest) ? until : latest));
      const covenantId = (cases[cases.length - 1] as CaseRetention).covenantId;
      due.push({ subjectId, covenantId, caseIds: [...caseIds], retentionUntil });
    }
    return { due, held };
  }
}
