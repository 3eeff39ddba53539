import { Alert, Paragraph } from "@utrecht/component-library-react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { AuditFilters } from "./AuditFilters";
import { AuditTable, type Column } from "./AuditTable";
import { PageButtons, useAuditPage } from "./paging";

type Disclosure = Schemas["Disclosure"];

export default function DisclosureRegister() {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { covenantId, organisationName, dataCategoryLabel, purposeLabel, legalBases } =
    useReference();
  const page = useAuditPage();
  const [loaded] = useLoad(
    () => api.GET("/v1/audit/disclosures", { params: { query: page.query(covenantId) } }),
    [api, covenantId, page.filter, page.cursor],
  );
  if (!covenantId) return <Alert type="error">{t("common.noCovenant")}</Alert>;
  const citation = (id: string) => legalBases.find((basis) => basis.id === id)?.citation ?? id;
  const columns: Column<Disclosure>[] = [
    { title: t("audit.col.when"), cell: (d) => formatDateTime(d.sharedAt) },
    { title: t("audit.col.case"), cell: (d) => caseNumber(d.caseId) },
    { title: t("audit.col.sharer"), cell: (d) => organisationName(d.sharedBy) },
    {
      title: t("audit.col.recipients"),
      cell: (d) => d.recipients.map(organisationName).join(", "),
    },
    {
      title: t("audit.col.categories"),
      cell: (d) => d.dataCategories.map(dataCategoryLabel).join(", "),
    },
    { title: t("audit.col.basis"), cell: (d) => d.legalBasisCitation ?? citation(d.legalBasisId) },
    { title: t("audit.col.purpose"), cell: (d) => purposeLabel(d.purposeId) },
    { title: t("audit.col.necessity"), cell: (d) => d.necessity },
    {
      title: t("audit.col.revoked"),
      cell: (d) => (d.revokedAt ? formatDateTime(d.revokedAt) : t("common.no")),
    },
  ];
  return (
    <>
      <ScreenTitle title={t("audit.disclosures.title")} intro={t("audit.disclosures.intro")} />
      <AuditFilters onApply={page.filterBy} />
      <Load loaded={loaded}>
        {(register) => (
          <>
            <Paragraph role="status">
              {t(
                register.scope === "covenant" ? "audit.scope.covenant" : "audit.scope.organisation",
              )}{" "}
              {t("common.results", { count: register.items.length })}
            </Paragraph>
            <AuditTable
              caption={t("audit.disclosures.title")}
              items={register.items}
              columns={columns}
              rowKey={(d) => d.shareId}
            />
            <PageButtons
              paged={page.cursor !== undefined}
              next={register.next}
              onTurn={page.turn}
            />
          </>
        )}
      </Load>
    </>
  );
}
