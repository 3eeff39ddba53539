import type { Schemas } from "../api/client";
import { screenOf } from "./entryScreen";

export type Entry = Schemas["Worklist"]["sections"][number]["entries"][number];

/** One line of the worklist: the entry, the section it stands in, and where the console shows it. */
export interface Row {
  key: string;
  section: string;
  entry: Entry;
  href: string;
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
