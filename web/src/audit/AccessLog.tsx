import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { type AuditFilter, AuditFilters } from "./AuditFilters";
import { AuditTable, type Column } from "./AuditTable";

type AccessRecord = Schemas["AccessRecord"];

/** Reads per page: the log of a busy covenant runs to millions, and the service pages it. */
const PAGE = 100;

/** The cursor in the service's link to the next page. */
const cursorIn = (next: string) =>
  new URL(next, window.location.origin).searchParams.get("cursor") ?? undefined;

export default function AccessLog() {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { covenantId, organisationName } = useReference();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursor, setCursor] = useState<string | undefined>();
  const [loaded] = useLoad(() => {
    const query = { covenant: covenantId ?? "", ...filter, limit: PAGE, cursor };
    return api.GET("/v1/audit/access", { params: { query } });
  }, [api, covenantId, filter, cursor]);
  const filterBy = (chosen: AuditFilter) => {
    setCursor(undefined);
    setFilter(chosen);
  };
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
      <AuditFilters onApply={filterBy} />
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
            <Paragraph>
              {cursor !== undefined && (
                <Button appearance="secondary-action-button" onClick={() => setCursor(undefined)}>
                  {t("audit.firstPage")}
                </Button>
              )}{" "}
              {log.next && (
                <Button
                  appearance="secondary-action-button"
                  onClick={() => setCursor(cursorIn(log.next!))}
                >
                  {t("audit.nextPage")}
                </Button>
              )}
            </Paragraph>
          </>
        )}
      </Load>
    </>
  );
}
