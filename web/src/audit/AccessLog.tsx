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

type AccessRecord = Schemas["AccessRecord"];

export default function AccessLog() {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { covenantId, organisationName } = useReference();
  const page = useAuditPage();
  const [loaded] = useLoad(
    () => api.GET("/v1/audit/access", { params: { query: page.query(covenantId) } }),
    [api, covenantId, page.filter, page.cursor],
  );
  if (!covenantId) return <Alert type="error">{t("common.noCovenant")}</Alert>;
  const columns: Column<AccessRecord>[] = [
    { title: t("audit.col.when"), cell: (r) => formatDateTime(r.readAt) },
    { title: t("audit.col.case"), cell: (r) => caseNumber(r.caseId) },
    { title: t("audit.col.who"), cell: (r) => r.userId },
    { title: t("audit.col.organisation"), cell: (r) => organisationName(r.organisationId) },
    { title: t("audit.col.role"), cell: (r) => r.roles.join(", ") },
    { title: t("audit.col.items"), cell: (r) => r.itemIds.length },
    { title: t("audit.col.reason"), cell: (r) => r.purpose },
  ];
  return (
    <>
      <ScreenTitle title={t("audit.access.title")} intro={t("audit.access.intro")} />
      <AuditFilters onApply={page.filterBy} />
      <Load loaded={loaded}>
        {(log) => (
          <>
            <Paragraph role="status">
              {t(log.scope === "covenant" ? "audit.scope.covenant" : "audit.scope.organisation")}{" "}
              {t("common.results", { count: log.items.length })}
            </Paragraph>
            <AuditTable
              caption={t("audit.access.title")}
              items={log.items}
              columns={columns}
              rowKey={(r) => r.readId}
            />
            <PageButtons paged={page.cursor !== undefined} next={log.next} onTurn={page.turn} />
          </>
        )}
      </Load>
    </>
  );
}
