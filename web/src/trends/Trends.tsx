import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useMemo, useState } from "react";
import type { Schemas } from "../api/client";
import { AuditTable } from "../audit/AuditTable";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { SelectField, TextField } from "../ui/fields";
import { type MonthRow, TrendsChart } from "./TrendsChart";

/** The service sends only cells of at least the minimum count: small cells are simply absent. */
type Cell = Schemas["Trends"]["cells"][number];

/** Cases no school takes part in are counted under no school; they get a bar of their own. */
const NO_SCHOOL = "";
const schoolKey = (cell: Cell) => cell.school ?? NO_SCHOOL;

interface Query {
  fromMonth?: string;
  toMonth?: string;
  category?: string;
}

function byMonth(cells: Cell[]): MonthRow[] {
  const rows = new Map<string, MonthRow>();
  for (const cell of cells) {
    const row = rows.get(cell.month) ?? { month: cell.month };
    const school = schoolKey(cell);
    row[school] = Number(row[school] ?? 0) + cell.count;
    rows.set(cell.month, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export default function Trends() {
  const { api } = useSignedIn();
  const { t, pick } = useI18n();
  const { covenantId, organisationName, signalCategories, signalCategoryLabel } = useReference();
  const [query, setQuery] = useState<Query>({});
  const [draft, setDraft] = useState({ fromMonth: "", toMonth: "", category: "" });
  const [loaded] = useLoad(
    () => api.GET("/v1/trends", { params: { query: { covenant: covenantId ?? "", ...query } } }),
    [api, covenantId, query],
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery({
      fromMonth: draft.fromMonth || undefined,
      toMonth: draft.toMonth || undefined,
      category: draft.category || undefined,
    });
  };
  if (!covenantId) return <Alert type="error">{t("common.noCovenant")}</Alert>;
  return (
    <>
      <Load loaded={loaded}>
        {(report) => (
          <ScreenTitle
            title={t("trends.title")}
            intro={t("trends.intro", { k: report.minimumCount })}
          />
        )}
      </Load>
      <search aria-label={t("common.filter")}>
        <form className="console-filters" onSubmit={apply}>
          <TextField
            label={t("trends.fromMonth")}
            type="month"
            value={draft.fromMonth}
            onChange={(fromMonth) => setDraft({ ...draft, fromMonth })}
          />
          <TextField
            label={t("trends.toMonth")}
            type="month"
            value={draft.toMonth}
            onChange={(toMonth) => setDraft({ ...draft, toMonth })}
          />
          <SelectField
            label={t("trends.category")}
            value={draft.category}
            placeholder={t("common.all")}
            choices={signalCategories.map((c) => ({ value: c.id, label: pick(c.label) }))}
            onChange={(category) => setDraft({ ...draft, category })}
          />
          <div className="console-filters__actions">
            <Button type="submit" appearance="primary-action-button">
              {t("common.filter")}
            </Button>
          </div>
        </form>
      </search>
      <Load loaded={loaded}>
        {(report) => (
          <TrendsReport
            cells={report.cells}
            organisationName={organisationName}
            categoryLabel={signalCategoryLabel}
          />
        )}
      </Load>
    </>
  );
}

function TrendsReport(props: {
  cells: Cell[];
  organisationName(id: string): string;
  categoryLabel(id: string): string;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => byMonth(props.cells), [props.cells]);
  const schools = useMemo(
    () =>
      [...new Set(props.cells.map(schoolKey))].map((id) => ({
        id,
        name: id === NO_SCHOOL ? t("trends.noSchool") : props.organisationName(id),
      })),
    [props.cells, props.organisationName, t],
  );
  if (props.cells.length === 0) return <Paragraph>{t("trends.empty")}</Paragraph>;
  return (
    <>
      <TrendsChart rows={rows} schools={schools} title={t("trends.chart")} />
      <AuditTable
        caption={t("trends.table")}
        items={props.cells}
        rowKey={(cell) => `${cell.category}|${cell.school}|${cell.month}`}
        columns={[
          { title: t("trends.col.month"), cell: (cell) => cell.month },
          { title: t("trends.category"), cell: (cell) => props.categoryLabel(cell.category) },
          {
            title: t("trends.col.school"),
            cell: (cell) =>
              cell.school === null ? t("trends.noSchool") : props.organisationName(cell.school),
          },
          { title: t("trends.col.count"), cell: (cell) => cell.count },
        ]}
      />
    </>
  );
}
