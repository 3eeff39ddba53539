import type { Schemas } from "../api/client";

export type Entry = Schemas["Worklist"]["sections"][number]["entries"][number];
export type Kind = Entry["kind"];

/** One line of the worklist: the entry, the section it stands in, and where the console shows it. */
export interface Row {
  key: string;
  section: string;
  entry: Entry;
  href: string;
}

/** The console's screen for an entry; the API's link names the resource, this the page. */
export function screenOf(entry: Entry): string {
  const { caseId, sessionId, itemId } = entry;
  switch (entry.kind) {
    case "agreement-due":
      return `/casussen/${caseId}/afspraken/${itemId}`;
    case "possible-match":
      return "/koppelingen";
    case "session-upcoming":
      return `/sessies/${sessionId}`;
    case "minutes-to-approve":
    case "minutes-to-correct":
      return `/sessies/${sessionId}/agenda/${itemId}`;
    default:
      return `/casussen/${caseId}`;
  }
}

/** The sections' entries as one list in the service's order, overdue agreements first in theirs. */
export function rowsOf(worklist: Schemas["Worklist"]): Row[] {
  return worklist.sections.flatMap(({ name, entries }) =>
    entries.map((entry) => ({
      key: `${name}:${entry.kind}:${entry.itemId}`,
      section: name,
      entry,
      href: screenOf(entry),
    })),
  );
}
