import fc from "fast-check";
import { expect, test } from "vitest";
import { amsterdamDay } from "../../src/domain/dates.js";

// An independent reading of the same day: the Amsterdam offset (one or two hours, CET or CEST)
// added to the UTC instant, whose UTC date is then the Amsterdam date.
const offsetHours = (at: Date) => {
  const name = new Intl.DateTimeFormat("en", {
    timeZone: "Europe/Amsterdam",
    timeZoneName: "shortOffset",
  })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")!.value;
  return name === "GMT+2" ? 2 : 1;
};

test("Given any instant from 1980 to 2100, midnight and the clock changes included, when its Amsterdam day is asked, then it is the UTC date of the instant moved by the Amsterdam offset", () => {
  const around = (iso: string) =>
    fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((ms) => Date.parse(iso) + ms);
  const instants = fc.oneof(
    fc
      .date({
        min: new Date("1980-01-01T00:00:00Z"),
        max: new Date("2100-01-01T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.getTime()),
    around("2026-03-29T01:00:00Z"),
    around("2026-10-25T01:00:00Z"),
    around("2026-12-31T23:00:00Z"),
  );
  fc.assert(
    fc.property(instants, (ms) => {
      const at = new Date(ms);
      const moved = new Date(ms + offsetHours(at) * 3_600_000).toISOString().slice(0, 10);
      expect(amsterdamDay(at.toISOString())).toBe(moved);
    }),
  );
});

test("Given a value that is not an instant, when its Amsterdam day is asked, then it keeps its own first ten characters", () => {
  expect(amsterdamDay("not a date at all")).toBe("not a date");
  expect(amsterdamDay("")).toBe("");
});
