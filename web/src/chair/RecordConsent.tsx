import { Button, Heading2 } from "@utrecht/component-library-react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { CaseScreen } from "../cases/CaseScreen";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { useWrite, WriteProblem } from "../ui/useWrite";
import { ConsentForm } from "./ConsentForm";

/** Withdrawal: only the organisation that obtained a consent records or withdraws it. */
function Recorded({ view, done }: { view: Schemas["Case"]; done(): void }) {
  const { api, session } = useSignedIn();
  const { t, formatDate } = useI18n();
  const { dataCategoryLabel } = useReference();
  const { busy, problem, run } = useWrite();
  const mine = view.consents.filter((c) => c.recordedBy === session.organisationId);
  const withdraw = async (consentId: string) => {
    const path = { params: { path: { caseId: view.caseId, consentId } } };
    if (await run(() => api.DELETE("/v1/cases/{caseId}/consents/{consentId}", path))) done();
  };
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="recorded" className="console-section">
      <Heading2 id="recorded">{t("consent.recorded")}</Heading2>
      <WriteProblem problem={problem} />
      <ul>
        {mine.map((consent) => (
          <li key={consent.consentId} data-consent={consent.consentId}>
            {formatDate(consent.givenOn)} · {t(`consent.role.${consent.giver.role}` as const)} ·{" "}
            {consent.scope.dataCategories.map(dataCategoryLabel).join(", ")}
            {consent.withdrawnAt ? (
              ` · ${t("consent.withdrawn", { date: formatDate(consent.withdrawnAt) })}`
            ) : (
              <>
                {" "}
                <Button
                  appearance="subtle-button"
                  disabled={busy}
                  onClick={() => withdraw(consent.consentId)}
                >
                  {t("consent.withdraw")}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function RecordConsent() {
  const { t } = useI18n();
  return (
    <CaseScreen title={t("consent.title")} intro={t("consent.intro")}>
      {(view, reload) => (
        <>
          <Recorded view={view} done={reload} />
          <ConsentForm view={view} done={reload} />
        </>
      )}
    </CaseScreen>
  );
}
