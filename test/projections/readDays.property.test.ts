import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { SubjectRead } from "../../src/projections/accessLog/accessLog.js";
import { readDays } from "../../src/projections/subjectReport/readDays.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";

/** The oracle: Swedish dates are written YYYY-MM-DD, the layout the report promises. */
const swedish = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" });
const amsterdamDate = (instant: string) => {
  const at = Date.parse(instant);
  return Number.isNaN(at) ? instant.slice(0, 10) : swedish.format(at);
};

const read = (readAt: string, organisationId = "org-police", purpose = "casusoverleg") => ({
  readAt,
  organisationId,
  purpose,
  caseId: "case-1",
});

describe("the art. 15 report's reads per day", () => {
  test("given reads either side of midnight in Amsterdam, then the day is Amsterdam's, summer and winter", () => {
    const days = readDays([
      // 23:30 UTC in March is 00:30 the next day in Amsterdam (CET, UTC+1).
      read("2025-03-21T23:30:00.000Z"),
      read("2025-03-21T22:59:59.999Z"),
      // 22:30 UTC in July is 00:30 the next day (CEST, UTC+2).
      read("2025-07-01T22:30:00.000Z"),
      read("2025-07-01T21:59:00.000Z"),
    ]);
    expect(days.map(({ date, reads }) => [date, reads])).toEqual([
      ["2025-03-21", 1],
      ["2025-03-22", 1],
      ["2025-07-01", 1],
      ["2025-07-02", 1],
    ]);
  });

  test("given many reads by one organisation on one day, then one line with their count, first and last", () => {
    const days = readDays([
      read("2025-03-21T15:00:00.000Z"),
      read("2025-03-21T08:00:00.000Z"),
      read("2025-03-21T11:00:00.000Z"),
      read("2025-03-21T09:00:00.000Z", "org-wijkteam"),
      read("2025-03-21T10:00:00.000Z", "org-police", "calamiteit"),
    ]);
    expect(days).toEqual([
      {
        date: "2025-03-21",
        organisationId: "org-police",
        purpose: "casusoverleg",
        caseId: "case-1",
        reads: 3,
        firstReadAt: "2025-03-21T08:00:00.000Z",
        lastReadAt: "2025-03-21T15:00:00.000Z",
      },
      expect.objectContaining({ organisationId: "org-wijkteam", reads: 1 }),
      expect.objectContaining({ purpose: "calamiteit", reads: 1 }),
    ]);
  });

  const hostile = fc.oneof(fc.constantFrom(...BUILTIN_NAMES, "", '"', "\u0000"), fc.string());
  const instant = fc.oneof(
    fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59.999Z") })
      .filter((date) => !Number.isNaN(date.getTime()))
      .map((date) => date.toISOString()),
    hostile,
  );
  const reads = fc.array(
    fc.record({
      readAt: instant,
      organisationId: fc.oneof(fc.constantFrom("org-police", "org-wijkteam"), hostile),
      purpose: fc.oneof(fc.constantFrom("casusoverleg", "werklijst"), hostile),
      caseId: fc.oneof(fc.constantFrom("case-1", "case-2"), hostile),
    }),
    { maxLength: 60 },
  );

  test("given any reads, hostile ids and unparseable times among them, then every read is counted once, in a group that is its own", () => {
    fc.assert(
      fc.property(reads, (given: SubjectRead[]) => {
        const days = readDays(given);
        expect(days.reduce((sum, day) => sum + day.reads, 0)).toBe(given.length);
        for (const day of days) {
          const members = given.filter(
            (one) =>
              one.organisationId === day.organisationId &&
              one.purpose === day.purpose &&
              one.caseId === day.caseId &&
              amsterdamDate(one.readAt) === day.date,
          );
          expect(members.length).toBe(day.reads);
          expect(day.firstReadAt <= day.lastReadAt).toBe(true);
          expect(members.map((one) => one.readAt)).toContain(day.firstReadAt);
          expect(members.map((one) => one.readAt)).toContain(day.lastReadAt);
        }
        const firsts = days.map((day) => day.firstReadAt);
        expect(firsts).toEqual([...firsts].sort());
      }),
      { numRuns: 300 },
    );
  });
});
