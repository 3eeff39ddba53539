import type { AgendaDocument, AgendaEntry } from "./documentView.js";
import { labels } from "./dutch.js";
import { field, heading, type Page, paragraph, renderPdf, sessionHeader } from "./pdfPages.js";

/** The agenda in order; an item whose case the reader may not know keeps only its place. */
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
  if (item.topic === null) {
    heading(page, `${labels.item} ${item.position}: ${labels.notForReader}`, 13);
    return;
  }
  heading(page, `${labels.item} ${item.position}: ${item.topic.subject}`, 13);
  field(page, labels.question, item.topic.question);
  paragraph(page, "");
}
