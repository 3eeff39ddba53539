import type { DemoResult } from "./demo.js";
import { demoDirectory } from "./organisations.js";
import type { PartnerView } from "./views.js";

const yes = (value: boolean) => (value ? "yes" : "-");

const rows: [string, (view: PartnerView) => string][] = [
  [
    "GET /v1/cases/{id}",
    (v) => (v.view === "none" ? `${v.status} (no case)` : `${v.status} ${v.view}`),
  ],
  ["subject identity", (v) => v.subject],
  ["signals", (v) => (v.view === "case" ? String(v.signals) : "-")],
  ["police share (Wpg art. 20)", (v) => yes(v.policeShare)],
  ["school share (verzuim)", (v) => yes(v.schoolShare)],
  ["meeting minutes", (v) => yes(v.minutes)],
  ["agreements (overdue)", (v) => (v.view === "case" ? `${v.agreements} (${v.overdue})` : "-")],
  ["named contacts", (v) => (v.view === "case" ? String(v.contacts) : "-")],
];

function table(header: string[], body: string[][]): string {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** The police's own signal about the same pupil, before it was invited: what it was told (rule 9). */
function matchedSignalLine({ ids }: DemoResult, nameOf: (id: string) => string): string {
  const { status, outcome, caseId, chairOrganisationId } = ids.policeSignal;
  const same = caseId === ids.caseId ? "the school's case" : "another case";
  return `A second signal about the same pupil, from the police before it was invited: ${status} ${outcome}, recorded in ${same}; the police was told only the case id and its chair (${nameOf(chairOrganisationId)}).`;
}

/** One block per partner: its worklist after the session, each entry's case named by the demo. */
function worklistBlock({ label, status, lines }: DemoResult["worklists"][number]): string {
  const heading = `${label} (GET /v1/worklist ${status}):`;
  if (lines.length === 0) return `${heading}\n  nothing waiting`;
  const rows = lines.map((l) => [l.section, l.kind, l.about, l.date]);
  const body = table(["section", "kind", "young person", "date"], rows);
  return `${heading}\n${body.replace(/^/gm, "  ")}`;
}

/** The session chapter: the agenda, each partner's worklist, and what the police may see. */
function sessionChapter({ session, worklists, police }: DemoResult): string[] {
  const seen = session.items.filter((item) => police.itemIds.includes(item.itemId));
  const pdf = police.minutesPdf;
  return [
    `Session ${session.sessionId}: the casustafel with ${session.items.map((i) => i.name).join(", ")} on the agenda.`,
    "Each item was recorded (attendance, minutes, decisions, an agreement with a named owner) and",
    "its minutes approved by the chair; the police is a participant of Sem's case only.",
    "",
    "Each partner's worklist right after the session:",
    ...worklists.map(worklistBlock),
    "",
    `The police's session view (GET /v1/sessions/{id} ${police.status}): ${seen.length} of ${session.items.length} items, ${seen.map((i) => i.name).join(", ") || "none"}.`,
    `The police's minutes PDF (GET /v1/sessions/{id}/minutes.pdf ${pdf.status}): ${pdf.bytes.length} bytes, ${pdf.bytes.subarray(0, 8).toString("latin1").trim()}; minutes of the item it attended (agendapunt ${seen.map((i) => session.items.indexOf(i) + 1).join(", ")}) only; the other items are not in it.`,
  ];
}

/** The demo's printout: the story's outcome as each partner and the privacy officer see it. */
export function renderDemo(result: DemoResult): string {
  const names = new Map(demoDirectory().map((o) => [o.organisationId, o.key]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const { partners, audit } = result;
  const inRegister = (shareId: string) =>
    audit.disclosures.some((d) => d.shareId === shareId) ? "in the register" : "not listed";
  const sideBySide = table(
    ["", ...partners.map((p) => p.label)],
    rows.map(([label, cell]) => [label, ...partners.map(cell)]),
  );
  const officers = [
    `Privacy officer of the covenant: no case content; police share ${inRegister(result.ids.policeShareId)}, school share ${inRegister(result.ids.schoolShareId)} (metadata).`,
    `Privacy officer of the school: ${audit.schoolOfficerSees.length} disclosure(s) in its register, only what the school gave or received.`,
  ];
  const register = table(
    ["shared by", "to", "categories", "legal basis", "purpose", "decision reference"],
    audit.disclosures.map((d) => [
      nameOf(d.sharedBy),
      d.recipients.map(nameOf).join(", "),
      d.dataCategories.join(", "),
      d.legalBasisCitation ?? d.legalBasisId,
      d.purposeId,
      d.decisionReference ?? "-",
    ]),
  );
  const reads = Object.entries(audit.readsByOrganisation)
    .map(([organisationId, count]) => `${nameOf(organisationId)} ${count}`)
    .join(", ");
  return [
    `Case ${result.ids.caseId}: a school's concern about a pupil drawn into drug dealing.`,
    "Police and leerplicht joined; jongerenwerk was invited and did not join. Police shared under",
    "Wpg art. 20 with leerplicht only; a meeting was held; three agreements were made and, one of",
    "them late, completed; after the session below, the chair closed the case.",
    "",
    matchedSignalLine(result, nameOf),
    "",
    `Overdue for leerplicht before closure: ${result.overdueForLeerplicht.map((a) => `${a.what} (due ${a.dueDate})`).join("; ") || "none"}`,
    "",
    "What each organisation sees of the case now:",
    sideBySide,
    "",
    ...officers,
    "",
    "Disclosure register (covenant privacy officer; metadata, never content):",
    register,
    "",
    `Access log: ${audit.reads} reads of this case (${reads}).`,
    `Visibility audit, jongerenwerk now: ${audit.jongerenwerk.access} (${audit.jongerenwerk.items.join(", ") || "no items"}).`,
    "",
    ...sessionChapter(result),
    "",
    `Werkgroep: the school raised the theme "${result.themes.title}" (no young person in it); the chair`,
    `put it on session ${result.themes.sessionId}, recorded the discussion and two collective actions:`,
    ...result.themes.actions.map((a) => `  - ${nameOf(a.ownerOrganisationId)}: ${a.what}`),
    `The police's worklist lists ${result.themes.policeActionsDue} collective action(s) due; the newsletter overview PDF is ${result.themes.overviewBytes} bytes.`,
    "",
    `Played through the HTTP API in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
  ].join("\n");
}
