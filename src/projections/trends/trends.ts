import {
  type Actor,
  applyPersonEvent,
  type CaseEvent,
  NotPermitted,
  PersonLinks,
  SCHOOL_KINDS,
} from "../../domain/index.js";
import {
  type AuditedCovenant,
  mayViewTrends,
  TRENDS_MIN_CELL,
} from "../../privacy/policy/audit.js";
import type { ReadModel } from "../readModel.js";

/**
 * One published cell: how many different young people had a signal of one category raised in
 * one month, at one school. The school is a covenant member organisation (null when no school
 * took part in the case), never the subject's free-text school.
 */
export type TrendCell = {
  category: string;
  school: string | null;
  schoolName: string | null;
  month: string;
  count: number;
};

export interface TrendsFilter {
  /** First and last month (YYYY-MM), inclusive. */
  fromMonth?: string;
  toMonth?: string;
  category?: string;
}

export interface TrendsReport {
  covenantId: string;
  /** Rule 7: a cell is published only when at least this many different young people are in it. */
  minimumCount: number;
  /** The cells at or above the minimum, by month, category, school. Nothing else: see `trends`. */
  cells: TrendCell[];
}

export interface Trends extends ReadModel {
  /**
   * Rule 7, for chairs and analysts of a member organisation; NotPermitted otherwise. A cell
   * below the minimum is left out, not marked, and no total or coarser grouping is offered:
   * either would let a reader subtract the shown cells and recover a left-out one.
   */
  trends(viewer: Actor, covenant: AuditedCovenant, filter?: TrendsFilter): TrendsReport;
}

/** What trends keep of a case: ids, kinds of fact and months, no personal field. */
type CaseFacts = {
  subjectId: string;
  /** Organisations in the order they joined the case, the one that opened it first. */
  joined: string[];
  signals: { category: string; month: string }[];
};

const monthOf = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 7);

/**
 * A case counts for the first school member that joined it: the school that raised the
 * concern, or else the school the chair brought to the table. Attribution is decided when
 * asked, so a school joining later moves the case's earlier signals to it.
 */
function schoolOf(facts: CaseFacts, covenant: AuditedCovenant): string | null {
  const isSchool = (organisationId: string) =>
    Object.hasOwn(covenant.members, organisationId) &&
    SCHOOL_KINDS.includes(covenant.members[organisationId]?.partnerKind ?? "");
  return facts.joined.find(isSchool) ?? null;
}

/** Trends: distinct young people per covenant, signal category, member school and month. */
export function createTrends(): Trends {
  const casesByCovenant = new Map<string, Map<string, CaseFacts>>();
  const covenantOfCase = new Map<string, string>();
  const linksByCovenant = new Map<string, PersonLinks>();
  // Rule 9: merged records are one young person, named by the least of their subject ids.
  const personOf = (covenantId: string, subjectId: string) =>
    (linksByCovenant.get(covenantId)?.personOf(subjectId) ?? [subjectId]).reduce((least, id) =>
      id < least ? id : least,
    );
  const factsOf = (caseId: string) =>
    casesByCovenant.get(covenantOfCase.get(caseId) ?? "")?.get(caseId);

  function applyCaseEvent(event: CaseEvent): void {
    if (event.type === "CaseOpened") {
      const { caseId, covenantId, subjectId, openedBy } = event.data;
      const cases = casesByCovenant.get(covenantId) ?? new Map<string, CaseFacts>();
      cases.set(caseId, { subjectId, joined: [openedBy], signals: [] });
      casesByCovenant.set(covenantId, cases);
      covenantOfCase.set(caseId, covenantId);
    } else if (event.type === "PartnerJoined") {
      const facts = factsOf(event.data.caseId);
      if (facts && !facts.joined.includes(event.data.organisationId)) {
        facts.joined.push(event.data.organisationId);
      }
    } else if (event.type === "SignalRaised") {
      const { category, raisedAt } = event.data;
      factsOf(event.data.caseId)?.signals.push({ category, month: monthOf(raisedAt) });
    }
  }

  return {
    name: "trends",
    apply(event) {
      const { covenantId } = event.data;
      if (event.type === "SubjectsMerged" || event.type === "SubjectsMergeUndone") {
        if (typeof covenantId !== "string") return;
        const links = linksByCovenant.get(covenantId) ?? new PersonLinks();
        linksByCovenant.set(covenantId, links);
        applyPersonEvent(links, event.type, event.data);
      } else if (event.streamId.startsWith("case-")) {
        applyCaseEvent({ type: event.type, data: event.data } as CaseEvent);
      }
    },
    reset() {
      casesByCovenant.clear();
      covenantOfCase.clear();
      linksByCovenant.clear();
    },
    trends(viewer, covenant, filter = {}) {
      const { covenantId } = covenant;
      if (covenantId === null || !mayViewTrends(viewer, covenant)) {
        throw new NotPermitted("chair-or-analyst", viewer.organisationId);
      }
      const people = new Map<string, { cell: Omit<TrendCell, "count">; subjects: Set<string> }>();
      for (const facts of casesByCovenant.get(covenantId)?.values() ?? []) {
        const school = schoolOf(facts, covenant);
        const schoolName = school === null ? null : (covenant.members[school]?.name ?? null);
        for (const { category, month } of facts.signals) {
          if (filter.category !== undefined && category !== filter.category) continue;
          if (filter.fromMonth !== undefined && month < filter.fromMonth) continue;
          if (filter.toMonth !== undefined && month > filter.toMonth) continue;
          const key = JSON.stringify([month, category, school]);
          const entry = people.get(key) ?? {
            cell: { category, school, schoolName, month },
            subjects: new Set<string>(),
          };
          entry.subjects.add(personOf(covenantId, facts.subjectId));
          people.set(key, entry);
        }
      }
      const cells = [...people.values()]
        .filter(({ subjects }) => subjects.size >= TRENDS_MIN_CELL)
        .map(({ cell, subjects }) => ({ ...cell, count: subjects.size }))
        .sort(
          (a, b) =>
            a.month.localeCompare(b.month) ||
            a.category.localeCompare(b.category) ||
            (a.school ?? "\uffff").localeCompare(b.school ?? "\uffff"),
        );
      return { covenantId, minimumCount: TRENDS_MIN_CELL, cells };
    },
  };
}
