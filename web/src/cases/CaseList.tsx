import { useVirtualizer } from "@tanstack/react-virtual";
import { Checkbox, FormField, FormLabel, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useRef, useState } from "react";
import { Link } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { SelectField } from "../ui/fields";

type Row = Schemas["CaseList"]["cases"][number];
type Status = "" | "open" | "closed" | "invitation";

interface Filters {
  status: Status;
  category: string;
  overdueOnly: boolean;
}

const statusOf = (row: Row) => (row.view === "invitation" ? "invitation" : row.status);

function matches(row: Row, filters: Filters): boolean {
  if (filters.status && statusOf(row) !== filters.status) return false;
  if (filters.category && row.signalCategory !== filters.category) return false;
  return !filters.overdueOnly || (row.view === "case" && row.overdueAgreements > 0);
}

/** A short, stable handle for a case: the start of its id (ids only, never names). */
export const caseNumber = (caseId: string) => caseId.slice(0, 8);

function CaseRow({ row }: { row: Row }) {
  const { t, formatDate } = useI18n();
  const { signalCategoryLabel, organisationName } = useReference();
  const details =
    row.view === "invitation"
      ? [
          t("cases.status.invitation"),
          t("cases.row.chair", { organisation: organisationName(row.chairOrganisationId) }),
        ]
      : [
          t(`cases.status.${row.status}` as const),
          row.nextMeeting
            ? t("cases.row.nextMeeting", { date: formatDate(row.nextMeeting) })
            : t("cases.row.noMeeting"),
          t("cases.row.agreements", { open: row.openAgreements, overdue: row.overdueAgreements }),
        ];
  return (
    <>
      <Link href={`/casussen/${row.caseId}`} className="utrecht-link console-case-row__link">
        {t("cases.row.case", { id: caseNumber(row.caseId) })} ·{" "}
        {signalCategoryLabel(row.signalCategory)}
      </Link>
      <span className="console-case-row__details">{details.join(" · ")}</span>
      {row.view === "case" && row.overdueAgreements > 0 && (
        <span className="utrecht-badge-status console-badge--overdue">
          {t("case.agreement.overdue")}
        </span>
      )}
    </>
  );
}

const ROW_HEIGHT = 72;

/** Only the rows in view are in the DOM, so a list of thousands scrolls like a list of ten. */
function VirtualCaseList({ rows }: { rows: Row[] }) {
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
      <ul className="console-case-list">
        {/* React sets style through the CSSOM, which the CSP's style-src 'self' allows. */}
        <li aria-hidden="true" className="console-case-spacer" style={{ height: before }} />
        {items.map((item) => (
          <li
            key={rows[item.index]!.caseId}
            className="console-case-row"
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
          >
            <CaseRow row={rows[item.index]!} />
          </li>
        ))}
        <li aria-hidden="true" className="console-case-spacer" style={{ height: after }} />
      </ul>
    </div>
  );
}

export default function CaseList() {
  const { api } = useSignedIn();
  const { t, pick } = useI18n();
  const { signalCategories } = useReference();
  const [filters, setFilters] = useState<Filters>({ status: "", category: "", overdueOnly: false });
  const [loaded] = useLoad(() => api.GET("/v1/cases"), [api]);
  const statuses: Status[] = ["open", "closed", "invitation"];
  return (
    <>
      <ScreenTitle title={t("cases.title")} intro={t("cases.intro")} />
      <search className="console-filters" aria-label={t("common.filter")}>
        <SelectField
          label={t("cases.filter.status")}
          value={filters.status}
          placeholder={t("common.all")}
          choices={statuses.filter(Boolean).map((status) => ({
            value: status,
            label: t(`cases.status.${status as Exclude<Status, "">}`),
          }))}
          onChange={(status) => setFilters({ ...filters, status: status as Status })}
        />
        <SelectField
          label={t("cases.filter.category")}
          value={filters.category}
          placeholder={t("common.all")}
          choices={signalCategories.map((c) => ({ value: c.id, label: pick(c.label) }))}
          onChange={(category) => setFilters({ ...filters, category })}
        />
        <FormField type="checkbox">
          <div className="utrecht-form-field__input">
            <Checkbox
              id="overdue-only"
              appearance="custom"
              checked={filters.overdueOnly}
              onChange={(event) => setFilters({ ...filters, overdueOnly: event.target.checked })}
            />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <FormLabel htmlFor="overdue-only" type="checkbox">
              {t("cases.filter.overdueOnly")}
            </FormLabel>
          </div>
        </FormField>
      </search>
      <Load loaded={loaded}>{(list) => <FilteredCases rows={list.cases} filters={filters} />}</Load>
    </>
  );
}

function FilteredCases({ rows, filters }: { rows: Row[]; filters: Filters }) {
  const { t } = useI18n();
  const shown = useMemo(() => rows.filter((row) => matches(row, filters)), [rows, filters]);
  return (
    <>
      <Paragraph role="status" className="console-count">
        {t("common.results", { count: shown.length })}
      </Paragraph>
      {shown.length === 0 ? (
        <Paragraph>{t("cases.empty")}</Paragraph>
      ) : (
        <VirtualCaseList rows={shown} />
      )}
    </>
  );
}
