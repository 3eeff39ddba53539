import { useVirtualizer } from "@tanstack/react-virtual";
import { Paragraph } from "@utrecht/component-library-react";
import { useMemo, useRef } from "react";
import { Link } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/nl";
import { Load, ScreenTitle } from "../layout/Screen";
import { useLiveLoad } from "../live/useLiveLoad";
import { type Row, rowsOf } from "./worklistRows";

const ROW_HEIGHT = 72;

function EntryLine({ row }: { row: Row }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { entry } = row;
  const subject = entry.caseId
    ? t("cases.row.case", { id: caseNumber(entry.caseId) })
    : t("worklist.session", { date: formatDateTime(entry.date) });
  const when =
    entry.kind === "agreement-due"
      ? t("worklist.dueOn", { date: formatDate(entry.date) })
      : entry.kind === "session-upcoming"
        ? t("worklist.itemsForYou", { count: entry.items?.length ?? 0 })
        : formatDateTime(entry.date);
  return (
    <>
      <Link href={row.href} className="utrecht-link console-case-row__link">
        {t(`worklist.kind.${entry.kind}` as MessageKey)} · {subject}
      </Link>
      <span className="console-case-row__details">{when}</span>
      {entry.overdue && (
        <span className="utrecht-badge-status console-badge--overdue">
          {t("case.agreement.overdue")}
        </span>
      )}
    </>
  );
}

/** Only the entries in view are in the DOM: a worklist of a thousand scrolls like one of ten. */
function VirtualWorklist({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="console-case-scroller" tabIndex={-1}>
      <ul className="console-case-list" aria-label={t("worklist.title")}>
        <li aria-hidden="true" className="console-case-spacer" style={{ height: before }} />
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <li
              key={row.key}
              className={`console-case-row console-worklist-row${row.entry.overdue ? " console-worklist-row--overdue" : ""}`}
              data-kind={row.entry.kind}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
            >
              <EntryLine row={row} />
            </li>
          );
        })}
        <li aria-hidden="true" className="console-case-spacer" style={{ height: after }} />
      </ul>
    </div>
  );
}

/** Counts per section, overdue agreements apart: what needs the organisation at a glance. */
function Summary({ worklist }: { worklist: Schemas["Worklist"] }) {
  const { t } = useI18n();
  const overdue = worklist.sections
    .flatMap((section) => section.entries)
    .filter((entry) => entry.overdue).length;
  return (
    <ul className="console-worklist-summary">
      {worklist.sections.map(({ name, entries }) => (
        <li key={name} data-section={name}>
          <strong>{entries.length}</strong> {t(`worklist.section.${name}` as MessageKey)}
        </li>
      ))}
      {overdue > 0 && (
        <li className="console-worklist-summary__overdue" data-section="overdue">
          <strong>{overdue}</strong> {t("worklist.overdue")}
        </li>
      )}
    </ul>
  );
}

export default function Worklist() {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { loaded, updatedAt } = useLiveLoad(() => api.GET("/v1/worklist"), [api]);
  return (
    <>
      <ScreenTitle title={t("worklist.title")} intro={t("worklist.intro")} />
      <Paragraph role="status" className="console-live">
        {updatedAt
          ? t("worklist.updated", { time: formatDateTime(updatedAt.toISOString()) })
          : t("worklist.live")}
      </Paragraph>
      <Load loaded={loaded}>{(worklist) => <Entries worklist={worklist} />}</Load>
    </>
  );
}

function Entries({ worklist }: { worklist: Schemas["Worklist"] }) {
  const { t } = useI18n();
  const rows = useMemo(() => rowsOf(worklist), [worklist]);
  return (
    <>
      <Summary worklist={worklist} />
      <Paragraph className="console-count">{t("common.results", { count: rows.length })}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t("worklist.empty")}</Paragraph>
      ) : (
        <VirtualWorklist rows={rows} />
      )}
    </>
  );
}
