import { field, heading, type Page, renderPdf } from "../../http/pdfDocument.js";
import type { AgendaDocument, AgendaEntry } from "./documentView.js";
import { labels } from "./dutch.js";
import { sessionHeader } from "./pdfPages.js";

/** The agenda in order, of the cases the reader may know. */
export function renderAgendaPdf(agenda: AgendaDocument): Promise<Buffer> {
  return renderPdf(
    { title: `${labels.table}: ${labels.agenda}`, producedAt: agenda.producedAt },
    (page) => {
      sessionHeader(page, labels.agenda, agenda.header, agenda.readerOrganisation);
      for (const item of agenda.items) agendaItem(page, item);
    },
  );
}

function agendaItem(page: Page, item: AgendaEntry): void {
  heading(page, `${labels.item} ${item.position}: ${item.subject}`, 13);
  field(page, labels.question, item.question);
  page.moveDown(0.8);
}
