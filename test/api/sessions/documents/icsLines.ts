/** One content line of an iCalendar file (RFC 5545 §3.1): name, parameters and raw value. */
export interface IcsLine {
  name: string;
  params: string;
  value: string;
}

/** The content lines of an iCalendar text, folded lines joined again. */
export function icsLines(ics: string): IcsLine[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const [name = "", ...params] = line.slice(0, colon).split(";");
      return { name, params: params.join(";"), value: line.slice(colon + 1) };
    });
}

/** The value of the one property `name` inside the VEVENT (or the calendar, if outside it). */
export function icsValue(ics: string, name: string): string | undefined {
  return icsLines(ics).find((line) => line.name === name)?.value;
}

/** A TEXT value as written, unescaped (RFC 5545 §3.3.11). */
export const icsText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_escape, char: string) =>
    char === "n" || char === "N" ? "\n" : char,
  );
