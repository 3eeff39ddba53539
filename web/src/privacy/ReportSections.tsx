import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { AuditTable } from "../audit/AuditTable";
import { Facts } from "../cases/CaseDetail";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import type { SubjectReport } from "./subjectReport";

type Section = SubjectReport["cases"][number];
type Named = { organisationId: string; name: string | null };

function Lines(props: { title: string; lines: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <Heading3>{props.title}</Heading3>
      {props.lines.length === 0 ? (
        <Paragraph>{t("common.none")}</Paragraph>
      ) : (
        <UnorderedList>
          {props.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are printed in the report's order and never reordered.
            <UnorderedListItem key={index}>{line}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

function CaseSection({ section }: { section: Section }) {
  const { t, formatDateTime } = useI18n();
  const { organisationName, dataCategoryLabel } = useReference();
  const who = (named: Named) => named.name ?? organisationName(named.organisationId);
  const subject = section.subject;
  return (
    <section className="console-section" aria-labelledby={`casus-${section.caseId}`}>
      <Heading2 id={`casus-${section.caseId}`}>
        {t("report.case", { case: caseNumber(section.caseId), status: section.status })}
      </Heading2>
      <Facts
        facts={[
          [t("report.name"), subject?.name ?? "—"],
          [t("report.dateOfBirth"), subject?.dateOfBirth ?? "—"],
          [t("report.school"), subject?.school ?? "—"],
          [t("report.openedBy"), who(section.openedBy)],
        ]}
      />
      <Lines
        title={t("report.signals")}
        lines={section.signals.map(
          (s) => `${formatDateTime(s.raisedAt)}, ${who(s.source)}: ${s.description}`,
        )}
      />
      <Lines
        title={t("report.shares")}
        lines={section.shares.map(
          (s) =>
            `${formatDateTime(s.sharedAt)}, ${who(s.source)} → ${s.recipients.map(who).join(", ")} (${s.legalBasis.citation ?? s.legalBasis.legalBasisId}; ${s.dataCategories.map(dataCategoryLabel).join(", ")}): ${s.content}`,
        )}
      />
      <Lines
        title={t("report.consents")}
        lines={section.consents.map(
          (c) => `${c.givenOn}, ${c.giver.name ?? c.giver.role}, ${who(c.recordedBy)}`,
        )}
      />
      <Lines
        title={t("report.meetings")}
        lines={[
          ...section.meetings.map((m) => `${formatDateTime(m.heldAt)}: ${m.minutes}`),
          ...section.agendaItems.map((i) => `${i.question}${i.minutes ? ` — ${i.minutes}` : ""}`),
        ]}
      />
      <Lines
        title={t("report.agreements")}
        lines={section.agreements.map((a) => `${a.what} — ${who(a.owner)}, ${a.dueDate}`)}
      />
    </section>
  );
}

/** The report on screen: the data per case with its sources and recipients, then the reads per day. */
export function ReportSections({ report }: { report: SubjectReport }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { organisationName } = useReference();
  return (
    <>
      <Paragraph role="status">
        {t("report.producedAt", { at: formatDateTime(report.producedAt) })}
        {report.erasure &&
          ` ${t("report.erasedAt", { at: formatDateTime(report.erasure.erasedAt) })}`}
      </Paragraph>
      {report.cases.map((section) => (
        <CaseSection key={section.caseId} section={section} />
      ))}
      <Heading2>{t("report.reads")}</Heading2>
      <AuditTable
        caption={t("report.reads")}
        items={report.reads}
        rowKey={(day) =>
          `${day.date}-${day.caseId}-${day.organisation.organisationId}-${day.purpose}`
        }
        columns={[
          { title: t("report.col.day"), cell: (r) => formatDate(r.date) },
          { title: t("audit.col.case"), cell: (r) => caseNumber(r.caseId) },
          {
            title: t("audit.col.organisation"),
            cell: (r) => r.organisation.name ?? organisationName(r.organisation.organisationId),
          },
          { title: t("audit.col.reason"), cell: (r) => r.purpose },
          { title: t("report.col.times"), cell: (r) => r.reads },
          { title: t("report.col.first"), cell: (r) => formatDateTime(r.firstReadAt) },
          { title: t("report.col.last"), cell: (r) => formatDateTime(r.lastReadAt) },
        ]}
      />
    </>
  );
}
