import { Alert, Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { SelectField, TextField } from "../ui/fields";
import { useAuditedCases } from "./auditedCases";
import { VisibilityChanges, VisibleItems } from "./VisibilityParts";

interface Question {
  caseId: string;
  organisationId: string;
  at: string;
}

/**
 * "2026-03-02T14:05" in the browser's time zone, as a datetime-local field holds it. The field
 * counts in minutes, so "now" is the end of this minute: what happened seconds ago is in it.
 */
function endOfThisMinute(): string {
  const end = Math.ceil(Date.now() / 60_000) * 60_000;
  const offset = new Date(end).getTimezoneOffset() * 60_000;
  return new Date(end - offset).toISOString().slice(0, 16);
}

export default function VisibilityTimeline() {
  const { t, formatDateTime } = useI18n();
  const { covenant, organisationName } = useReference();
  const cases = useAuditedCases();
  const [caseId, setCaseId] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [moment, setMoment] = useState(endOfThisMinute);
  const [question, setQuestion] = useState<Question | null>(null);
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const at = new Date(moment);
    if (!caseId || !organisationId || Number.isNaN(at.getTime())) return;
    setQuestion({ caseId, organisationId, at: at.toISOString() });
  };
  return (
    <>
      <ScreenTitle title={t("visibility.title")} intro={t("visibility.intro")} />
      <Load loaded={cases}>
        {(known) => (
          <form className="console-filters" onSubmit={ask}>
            <SelectField
              label={t("visibility.case")}
              value={caseId}
              required
              placeholder={t("visibility.choose")}
              choices={known.map((c) => ({ value: c.caseId, label: caseNumber(c.caseId) }))}
              onChange={setCaseId}
            />
            <SelectField
              label={t("visibility.organisation")}
              value={organisationId}
              required
              placeholder={t("visibility.choose")}
              choices={(covenant?.members ?? []).map((m) => ({
                value: m.organisationId,
                label: m.name,
              }))}
              onChange={setOrganisationId}
            />
            <TextField
              label={t("visibility.moment")}
              type="datetime-local"
              value={moment}
              required
              onChange={setMoment}
            />
            <div className="console-filters__actions">
              <Button type="submit" appearance="primary-action-button">
                {t("visibility.show")}
              </Button>
            </div>
          </form>
        )}
      </Load>
      {question && (
        <section aria-labelledby="zicht-antwoord" className="console-section">
          <Heading2 id="zicht-antwoord">
            {t("visibility.answer", {
              organisation: organisationName(question.organisationId),
              case: caseNumber(question.caseId),
              at: formatDateTime(question.at),
            })}
          </Heading2>
          <Answer question={question} />
        </section>
      )}
    </>
  );
}

function Answer({ question }: { question: Question }) {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const { caseId, organisationId, at } = question;
  const [loaded] = useLoad(async () => {
    const request = {
      params: { path: { caseId }, query: { organisation: organisationId, at } },
    };
    const [moment, changes] = await Promise.all([
      api.GET("/v1/audit/cases/{caseId}/visibility", request),
      api.GET("/v1/audit/cases/{caseId}/visibility/changes", request),
    ]);
    const data =
      moment.data && changes.data ? { moment: moment.data, changes: changes.data } : undefined;
    return { data, response: moment.data ? changes.response : moment.response };
  }, [api, caseId, organisationId, at]);
  return (
    <Load loaded={loaded}>
      {({ moment, changes }) => (
        <>
          <Paragraph role="status">{t(`visibility.access.${moment.access}` as const)}</Paragraph>
          <VisibleItems items={moment.items} />
          <Heading2>{t("visibility.changes")}</Heading2>
          {changes.changes.length === 0 ? (
            <Alert type="info">
              <Paragraph>{t("visibility.noChanges")}</Paragraph>
            </Alert>
          ) : (
            <VisibilityChanges changes={changes.changes} />
          )}
        </>
      )}
    </Load>
  );
}
