import type { z } from "zod";
import type { ProcessingAction } from "../../privacy/processing/processingActions.js";
import {
  ACTIVITY_ATTRIBUTE,
  SUBJECT_ATTRIBUTE,
  SUBJECT_TYPE_ATTRIBUTE,
} from "../../privacy/processing/processingRecord.js";
import type { nenEntryView } from "./schemas.js";

type NenEntry = z.input<typeof nenEntryView>;

/** The system that logs, as NEN 7513 names the source of an entry. */
const SOURCE = "casustafel";

/** The NEN 7513 entry of one processing action: the acting user, never the subject's identity. */
export function nenEntryOf(action: ProcessingAction): NenEntry {
  const { record, actor } = action;
  const { legalBases, rules } = action.authorisation;
  return {
    eventId: `${record.traceId}-${record.spanId}`,
    eventAction: action.eventAction,
    eventDateTime: record.startTime,
    eventOutcome: action.outcome === "refused" ? "4" : "0",
    userId: actor?.userId ?? null,
    userRole: actor ? actor.roles.join(",") : null,
    userOrganisation: actor?.organisationId ?? null,
    purposeOfUse: action.purposeOfUse,
    participantObjectId: record.attributes[SUBJECT_ATTRIBUTE] ?? "",
    participantObjectIdType: record.attributes[SUBJECT_TYPE_ATTRIBUTE] ?? "",
    authorisationProtocol: [
      `legal-basis:${legalBases.join("+") || "none"}`,
      ...rules.map((rule) => `rule:${rule}`),
    ].join(" "),
    processingActivity: record.attributes[ACTIVITY_ATTRIBUTE] ?? "",
    source: SOURCE,
  };
}

export const NEN_COLUMNS = [
  "eventId",
  "eventAction",
  "eventDateTime",
  "eventOutcome",
  "userId",
  "userRole",
  "userOrganisation",
  "purposeOfUse",
  "participantObjectId",
  "participantObjectIdType",
  "authorisationProtocol",
  "processingActivity",
  "source",
] as const satisfies readonly (keyof NenEntry)[];

// A spreadsheet runs a cell that starts with one of these as a formula (CWE-1236).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: always quoted, quotes doubled, and a would-be formula made plain text with a leading '. */
export function csvCell(value: string | null): string {
  const text = value ?? "";
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${inert.replaceAll('"', '""')}"`;
}

/** RFC 4180 CSV of the entries, header first, CRLF line ends. */
export function nenCsv(entries: readonly NenEntry[]): string {
  const lines = [NEN_COLUMNS.join(",")];
  for (const entry of entries) {
    lines.push(NEN_COLUMNS.map((column) => csvCell(entry[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
