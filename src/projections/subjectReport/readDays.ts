import { amsterdamDay } from "../../domain/dates.js";
import type { SubjectRead } from "../accessLog/accessLog.js";

/** The reads of one case by one organisation for one purpose on one day, Amsterdam time. */
export interface ReadDay {
  /** The calendar day in Amsterdam, YYYY-MM-DD. */
  date: string;
  organisationId: string;
  purpose: string;
  caseId: string;
  /** How many reads. */
  reads: number;
  firstReadAt: string;
  lastReadAt: string;
}

/** Code-unit order, as the < and > the groups' first and last reads are chosen by. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reads grouped per day, organisation, purpose and case, in the order of each group's first
 * read: the dates and purposes of consultation the young person may learn (C-579/21), one line
 * per day instead of one per read, so years of reads stay a report a person can read.
 */
export function readDays(reads: readonly SubjectRead[]): ReadDay[] {
  const days = new Map<string, ReadDay>();
  for (const { readAt, organisationId, purpose, caseId } of reads) {
    const date = amsterdamDay(readAt);
    const key = JSON.stringify([date, caseId, organisationId, purpose]);
    const day = days.get(key);
    if (day === undefined) {
      days.set(key, {
        date,
        organisationId,
        purpose,
        caseId,
        reads: 1,
        firstReadAt: readAt,
        lastReadAt: readAt,
      });
      continue;
    }
    day.reads++;
    if (readAt < day.firstReadAt) day.firstReadAt = readAt;
    if (readAt > day.lastReadAt) day.lastReadAt = readAt;
  }
  return [...days.values()].sort(
    (a, b) =>
      byCodeUnits(a.firstReadAt, b.firstReadAt) ||
      byCodeUnits(a.caseId, b.caseId) ||
      byCodeUnits(a.organisationId, b.organisationId) ||
      byCodeUnits(a.purpose, b.purpose),
  );
}
