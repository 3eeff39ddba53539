import type { z } from "zod";
import { bullet, field, heading, type Page, paragraph, renderPdf } from "../http/pdfDocument.js";
import type { subjectReportView } from "./schemas.js";

type Report = z.input<typeof subjectReportView>;
type CaseSection = Report["cases"][number];
type Named = { organisationId: string; name: string | null };

/** The headings a reader (and the console's test) finds the report's parts by. */
export const reportSections = {
  title: "Inzage in persoonsgegevens (AVG art. 15)",
  subject: "Gegevens van de jongere",
  signals: "Signalen en hun bron",
  shares: "Verstrekkingen: ontvangers, doelen en grondslagen",
  consents: "Toestemmingen",
  meetings: "Overleggen en agendapunten",
  agreements: "Afspraken",
  reads: "Raadplegingen",
} as const;

const moment = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "long",
  timeStyle: "short",
});
const when = (iso: string | null) => (iso ? moment.format(new Date(iso)) : "—");
const who = (organisation: Named) => organisation.name ?? organisation.organisationId;

/** "inzage-2026-03-02.pdf": the day it was produced, never a name. */
export const reportFilename = (producedAt: string) => `inzage-${producedAt.slice(0, 10)}.pdf`;

/** The art. 15 report as a document to hand to the young person or their parents. */
export function renderSubjectReportPdf(report: Report): Promise<Buffer> {
  return renderPdf({ title: reportSections.title, producedAt: report.producedAt }, (page) => {
    heading(page, reportSections.title, 18);
    field(page, "Opgesteld op", when(report.producedAt));
    field(page, "Dossiernummer van de jongere", report.subjectId);
    if (report.erasure) {
      field(page, "Gewist op", `${when(report.erasure.erasedAt)} (${report.erasure.reason})`);
    }
    page.moveDown(0.8);
    for (const section of report.cases) caseSection(page, section);
    heading(page, reportSections.reads, 14);
    list(
      page,
      report.reads.map(
        (day) =>
          `${when(day.firstReadAt)}: ${who(day.organisation)}, ${day.purpose} (casus ${day.caseId.slice(0, 8)}, ${day.reads === 1 ? "1 keer" : `${day.reads} keer, tot ${when(day.lastReadAt)}`})`,
      ),
    );
  });
}

function caseSection(page: Page, section: CaseSection): void {
  heading(page, `Casus ${section.caseId.slice(0, 8)} (${section.status})`, 15);
  field(page, "Geopend door", `${who(section.openedBy)}, ${when(section.openedAt)}`);
  field(page, "Bewaard tot", when(section.retentionUntil));
  heading(page, reportSections.subject, 12);
  const subject = section.subject;
  list(page, subject ? [subject.name, subject.dateOfBirth, subject.school] : []);
  heading(page, reportSections.signals, 12);
  list(
    page,
    section.signals.map(
      (signal) =>
        `${when(signal.raisedAt)}, ${who(signal.source)} (${signal.category}): ${signal.description}`,
    ),
  );
  heading(page, reportSections.shares, 12);
  list(
    page,
    section.shares.map(
      (share) =>
        `${when(share.sharedAt)}, ${who(share.source)} aan ${share.recipients.map(who).join(", ")}; grondslag ${share.legalBasis.citation ?? share.legalBasis.legalBasisId}; doel ${share.purpose.description ?? share.purpose.purposeId}; ${share.dataCategories.join(", ")}: ${share.content}${share.revokedAt ? ` (ingetrokken ${when(share.revokedAt)})` : ""}`,
    ),
  );
  heading(page, reportSections.consents, 12);
  list(
    page,
    section.consents.map(
      (consent) =>
        `${consent.givenOn}, ${consent.giver.role}${consent.giver.name ? ` (${consent.giver.name})` : ""}, vastgelegd door ${who(consent.recordedBy)}${consent.withdrawnAt ? `, ingetrokken ${when(consent.withdrawnAt)}` : ""}`,
    ),
  );
  heading(page, reportSections.meetings, 12);
  list(page, [
    ...section.meetings.map((meeting) => `${when(meeting.heldAt)}: ${meeting.minutes}`),
    ...section.agendaItems.map(
      (item) =>
        `${when(item.heldAt ?? item.addedAt)}: ${item.question}${item.minutes ? ` — ${item.minutes}` : ""}`,
    ),
  ]);
  heading(page, reportSections.agreements, 12);
  list(
    page,
    section.agreements.map(
      (agreement) =>
        `${agreement.what} — ${who(agreement.owner)}, uiterlijk ${agreement.dueDate} (${agreement.status})`,
    ),
  );
  page.moveDown(0.8);
}

function list(page: Page, lines: readonly string[]): void {
  if (lines.length === 0) paragraph(page, "Geen.");
  for (const line of lines) bullet(page, line);
  page.moveDown(0.3);
}
