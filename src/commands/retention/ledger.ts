import { applyPersonEvent, PersonLinks } from "../../domain/index.js";
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
  /** Young persons with a case past retention that another open (or still retained) case of theirs holds. */
  held: number;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** A fold over the store of the facts retention decides on. Never throws on a recorded event. */
export class RetentionLedger {
  private readonly cases = new Map<string, CaseRetention>();
  private readonly casesOfSubject = new Map<string, string[]>();
  private readonly erased = new Set<string>();
  private readonly links = new Map<string, PersonLinks>();

  apply(event: RecordedEvent): void {
    const { data } = event;
    if (event.type === "SubjectsMerged" || event.type === "SubjectsMergeUndone") {
      const covenantId = text(data.covenantId);
      if (covenantId === null) return;
      const links = this.links.get(covenantId) ?? new PersonLinks();
      this.links.set(covenantId, links);
      applyPersonEvent(links, event.type, data);
      return;
    }
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
  /** The young person's records not yet erased that hold cases (rule 9): merges not undone link them. */
  private personOf(covenantId: string, subjectId: string): string[] {
    const links = this.links.get(covenantId);
    const person = links ? links.personOf(subjectId) : [subjectId];
    return person.filter((record) => this.casesOfSubject.has(record) && !this.erased.has(record));
  }

  dueAt(now: string): RetentionDue {
    const at = Date.parse(now);
    const ended = (retention: CaseRetention) =>
      retention.closed &&
      retention.retentionUntil !== null &&
      Date.parse(retention.retentionUntil) <= at;
    const due: DueSubject[] = [];
    let held = 0;
    const visited = new Set<string>();
    for (const [subjectId, caseIds] of this.casesOfSubject) {
      if (visited.has(subjectId) || this.erased.has(subjectId)) continue;
      const covenantId = this.cases.get(caseIds[caseIds.length - 1]!)!.covenantId;
      const person = this.personOf(covenantId, subjectId);
      for (const record of person) visited.add(record);
      const cases = person.flatMap((record) =>
        (this.casesOfSubject.get(record) ?? []).map((caseId) => this.cases.get(caseId)!),
      );
      if (!cases.some(ended)) continue;
      // Rule 9: one case of the young person still open or retained holds every record of them.
      if (!cases.every(ended)) {
        held++;
        continue;
      }
      const retentionUntil = cases
        .map((retention) => retention.retentionUntil as string)
        .reduce((latest, until) => (Date.parse(until) > Date.parse(latest) ? until : latest));
      for (const record of person) {
        const recordCases = this.casesOfSubject.get(record) ?? [];
        due.push({ subjectId: record, covenantId, caseIds: [...recordCases], retentionUntil });
      }
    }
    return { due, held };
  }
}
