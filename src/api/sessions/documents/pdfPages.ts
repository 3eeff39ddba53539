import { field, heading, type Page } from "../../http/pdfDocument.js";
import type { SessionHeader } from "./documentView.js";
import { labels, placeLine, sessionTime, statusLabel } from "./dutch.js";

/** The session as every invited organisation knows it, and for whom this copy was made. */
export function sessionHeader(
  page: Page,
  title: string,
  header: SessionHeader,
  readerOrganisation: string,
): void {
  heading(page, `${labels.table} ${header.tableName}`, 20);
  heading(page, title, 16);
  field(page, labels.when, sessionTime(header.startsAt, header.endsAt));
  field(page, labels.where, placeLine(header.place));
  field(page, labels.chair, header.chairOrganisation);
  field(page, labels.planned, header.plannedOrganisations.join(", "));
  field(page, labels.status, statusLabel(header.status));
  field(page, labels.madeFor, readerOrganisation);
  page.moveDown(0.3).fontSize(9).text(labels.confidential).fontSize(11).moveDown(1);
}
