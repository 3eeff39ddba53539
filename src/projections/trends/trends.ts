import { type CaseEvent, ERASED, NotPermitted, type SubjectErased } from "../../domain/index.js";
import {
  type AuditedCovenant,
  mayViewTrends,
  TRENDS_MIN_CELL,
  type Viewer,
} from "../../privacy/policy/audit.js";
import type { ReadModel } from "../readModel.js";

/** One cell: signals of one category about young people of one school, raised in one month. */
type CellKey = { covenantId: string; category: string; school: string; month: string };

/** A published cell: its number of signals, or only the fact that it was suppressed. */
export type TrendCell = Omit<CellKey, "covenantId"> &
  ({ suppressed: false; count: number } | { suppressed: true });

export interface TrendsFilter {
  /** First and last month (YYYY-MM), inclusive. */
  fromMonth?: string;
  toMonth?: string;
  category?: string;
}

export interface TrendsReport {
  covenantId: string;
  /**
   * Rule 7: a cell is suppressed unless at least this many different young people are in
   * it. Counting people rather than signals keeps one young person's five signals hidden.
   */
  minimumCount: number;
  /** Non-empty cells by month, category, school. No totals: see the note on `trends`. */
  cells: TrendCell[];
}

export interface Trends extends ReadModel {
  /**
   * Rule 7, for chairs and analysts of a member organisation; NotPermitted otherwise.
   * Cells are the only figures published, at one fixed granularity: a total or a coarser
   * grouping next to them would let a reader subtract the shown cells from it and recover
   * a suppressed one, so neither is offered.
   */
  trends(viewer: Viewer, covenant: AuditedCovenant, filter?: TrendsFilter): TrendsReport;
}

const monthOf = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 7);

/** Trends: signal counts per covenant, signal category, school and month. */
export function createTrends(): Trends {
  // Per cell: the signals and, per young person, how many of them are theirs.
  const counts = new Map<string, { cell: CellKey; count: number; subjects: Map<string, number> }>();
  const caseFacts = new Map<string, { covenantId: string; school: string }>();
  // Where each subject's signals were counted, so erasure can move them out of their school.
  const countedFor = new Map<string, string[]>();

  function add(cell: CellKey, subjectId: string, by: 1 | -1): string {
    const key = JSON.stringify([cell.covenantId, cell.category, cell.school, cell.month]);
    const entry = counts.get(key) ?? { cell, count: 0, subjects: new Map<string, number>() };
    entry.count += by;
    const signals = (entry.subjects.get(subjectId) ?? 0) + by;
    if (signals > 0) entry.subjects.set(subjectId, signals);
    else entry.subjects.delete(subjectId);
    if (entry.count <= 0) counts.delete(key);
    else counts.set(key, entry);
    return key;
  }

  function applyCaseEvent(event: CaseEvent): void {
    if (event.type === "CaseOpened") {
      const { caseId, covenantId, subject } = event.data;
      const school = typeof subject?.school === "string" ? subject.school : ERASED;
      caseFacts.set(caseId, { covenantId, school });
    } else if (event.type === "SignalRaised") {
      const facts = caseFacts.get(event.data.caseId);
      if (!facts) return;
      const cell = { ...facts, category: event.data.category, month: monthOf(event.data.raisedAt) };
      const { subjectId } = event.data;
      countedFor.set(subjectId, [...(countedFor.get(subjectId) ?? []), add(cell, subjectId, 1)]);
    }
  }

  // A rebuild decodes the erased school as "[erased]"; live counts move there too.
  function erase({ data }: SubjectErased): void {
    for (const key of countedFor.get(data.subjectId) ?? []) {
      const entry = counts.get(key);
      if (!entry) continue;
      add(entry.cell, data.subjectId, -1);
      add({ ...entry.cell, school: ERASED }, data.subjectId, 1);
    }
    countedFor.delete(data.subjectId);
    for (const caseId of data.caseIds) {
      const facts = caseFacts.get(caseId);
      if (facts) facts.school = ERASED;
    }
  }

  return {
    name: "trends",
    apply(event) {
      if (event.type === "SubjectErased") erase(event as unknown as SubjectErased);
      else if (event.streamId.startsWith("case-")) {
        applyCaseEvent({ type: event.type, data: event.data } as CaseEvent);
      }
    },
    reset() {
      counts.clear();
      caseFacts.clear();
      countedFor.clear();
    },
    trends(viewer, covenant, filter = {}) {
      const { covenantId } = covenant;
      if (covenantId === null || !mayViewTrends(viewer, covenant)) {
        throw new NotPermitted("chair-or-analyst", viewer.organisationId);
      }
      const cells: TrendCell[] = [];
      for (const { cell, count, subjects } of counts.values()) {
        if (cell.covenantId !== covenantId) continue;
        if (filter.category !== undefined && cell.category !== filter.category) continue;
        if (filter.fromMonth !== undefined && cell.month < filter.fromMonth) continue;
        if (filter.toMonth !== undefined && cell.month > filter.toMonth) continue;
        const { category, school, month } = cell;
        cells.push(
          subjects.size < TRENDS_MIN_CELL
            ? { category, school, month, suppressed: true }
            : { category, school, month, suppressed: false, count },
        );
      }
      cells.sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          a.category.localeCompare(b.category) ||
          a.school.localeCompare(b.school),
      );
      return { covenantId, minimumCount: TRENDS_MIN_CELL, cells };
    },
  };
}
