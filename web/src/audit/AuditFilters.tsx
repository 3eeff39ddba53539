import { Button } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { SelectField, TextField } from "../ui/fields";

/** The register filters; case and organisation are ids and the period dates, never personal data. */
export interface AuditFilter {
  case?: string;
  organisation?: string;
  from?: string;
  to?: string;
}

const startOfDay = (date: string) =>
  date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditFilters(props: { onApply(filter: AuditFilter): void }) {
  const { t } = useI18n();
  const { covenant } = useReference();
  const [caseId, setCaseId] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({
      case: uuid.test(caseId.trim()) ? caseId.trim() : undefined,
      organisation: organisation || undefined,
      from: startOfDay(from),
      to: startOfDay(to),
    });
  };
  const clear = () => {
    setCaseId("");
    setOrganisation("");
    setFrom("");
    setTo("");
    props.onApply({});
  };
  return (
    <search aria-label={t("common.filter")}>
      <form className="console-filters" onSubmit={apply}>
        <TextField label={t("audit.filter.case")} value={caseId} onChange={setCaseId} />
        <SelectField
          label={t("audit.filter.organisation")}
          value={organisation}
          placeholder={t("common.all")}
          choices={(covenant?.members ?? []).map((m) => ({
            value: m.organisationId,
            label: m.name,
          }))}
          onChange={setOrganisation}
        />
        <TextField label={t("audit.filter.from")} type="date" value={from} onChange={setFrom} />
        <TextField label={t("audit.filter.to")} type="date" value={to} onChange={setTo} />
        <div className="console-filters__actions">
          <Button type="submit" appearance="primary-action-button">
            {t("common.filter")}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={clear}>
            {t("common.clearFilters")}
          </Button>
        </div>
      </form>
    </search>
  );
}
