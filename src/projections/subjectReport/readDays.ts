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

const amsterdam = new Intl.DateTimeFormat("en", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The Amsterdam day of an instant as YYYY-MM-DD, put together from its parts rather than
 * trusting a locale's layout; an instant that does not parse keeps its own first ten characters.
 */
const dayOf = (instant: string) => {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return instant.slice(0, 10);
  const part = Object.fromEntries(
    amsterdam.formatToParts(at).map(({ type, value }) => [type, value]),
  );
  return `${part.year}-${part.month}-${part.day}`;
};

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
    const date = dayOf(readAt);
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
