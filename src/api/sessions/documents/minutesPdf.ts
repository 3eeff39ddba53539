import { bullet, field, heading, type Page, paragraph, renderPdf } from "../../http/pdfDocument.js";
import type { AgreementEntry, ItemMinutes, MinutesDocument, MinutesEntry } from "./documentView.js";
import { dueDate, labels } from "./dutch.js";
import { sessionHeader } from "./pdfPages.js";

/**
 * The minutes for one organisation (rule 4 per item): what was recorded of the items it
 * attended; of the others only their place and that it did not attend.
 */
export function renderMinutesPdf(minutes: MinutesDocument): Promise<Buffer> {
  return renderPdf(
    { title: `${labels.table}: ${labels.minutes}`, producedAt: minutes.producedAt },
    (page) => {
      sessionHeader(page, labels.minutes, minutes.header, minutes.readerOrganisation);
      for (const item of minutes.items) minutesItem(page, item);
    },
  );
}

function minutesItem(page: Page, item: MinutesEntry): void {
  if (item.outcome !== "attended") {
    const absent = item.outcome === "not-attended" ? labels.notAttended : labels.notDiscussed;
    heading(page, `${labels.item} ${item.position}: ${absent}`, 13);
    return;
  }
  heading(page, `${labels.item} ${item.position}: ${item.subject}`, 13);
  field(page, labels.question, item.question);
  heading(page, labels.minutes, 12);
  itemMinutes(page, item.minutes);
  heading(page, labels.decisions, 12);
  list(page, item.decisions);
  heading(page, labels.agreements, 12);
  list(page, item.agreements.map(agreementLine));
  page.moveDown(0.8);
}

function itemMinutes(page: Page, minutes: ItemMinutes): void {
  paragraph(page, minutes.approved ? labels.approved : labels.draft);
  paragraph(page, minutes.text);
  minutes.addenda.forEach((addendum, index) => {
    field(page, `${labels.addendum} ${index + 1}`, addendum);
  });
}

function list(page: Page, lines: readonly string[]): void {
  if (lines.length === 0) paragraph(page, labels.none);
  for (const line of lines) bullet(page, line);
  page.moveDown(0.3);
}

function agreementLine(agreement: AgreementEntry): string {
  const owner = agreement.ownerName
    ? `${agreement.ownerOrganisation} (${agreement.ownerName})`
    : agreement.ownerOrganisation;
  return `${agreement.what} — ${labels.owner}: ${owner}, ${labels.due} ${dueDate(agreement.dueDate)}`;
}
