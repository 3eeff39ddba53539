// Calendar arithmetic on ISO strings. Pure: `new Date` only ever parses a given value.

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** True for an ISO-8601 timestamp (or date) that parses. */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

const amsterdam = new Intl.DateTimeFormat("en", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day of an instant in Amsterdam, YYYY-MM-DD, the day a Dutch table lives by; put
 * together from its parts rather than trusting a locale's layout. An instant that does not
 * parse keeps its own first ten characters.
 */
export function amsterdamDay(instant: string): string {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return instant.slice(0, 10);
  const part = Object.fromEntries(
    amsterdam.formatToParts(at).map(({ type, value }) => [type, value]),
  );
  return `${part.year}-${part.month}-${part.day}`;
}

/** The UTC calendar date of an ISO timestamp. */
export const dateOf = (instant: string): string =>
  new Date(Date.parse(instant)).toISOString().slice(0, 10);

export const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY_MS).toISOString();

export function addYears(instant: string, years: number): string {
  const date = new Date(Date.parse(instant));
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** Completed years of age on a date; null when the date of birth is not a calendar date. */
export function ageOn(dateOfBirth: string, onDate: string): number | null {
  if (!isCalendarDate(dateOfBirth) || !isCalendarDate(onDate)) return null;
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Compare two instants (or dates) in time; negative when a is earlier. */
export const compareInstants = (a: string, b: string): number => Date.parse(a) - Date.parse(b);
