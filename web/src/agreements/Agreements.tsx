import { Paragraph } from "@utrecht/component-library-react";
import { Link } from "wouter";
import { AuditTable } from "../audit/AuditTable";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { useLiveLoad } from "../live/useLiveLoad";

/**
 * A partner's open agreements across its cases; for a chair the overdue ones across every case
 * it chairs, which is where follow-up stalls ("wie zijn aan zet?").
 */
export default function Agreements() {
  const { api, session } = useSignedIn();
  const { t, formatDate } = useI18n();
  const { organisationName } = useReference();
  const chair = session.roles.includes("chair");
  const status = chair ? "overdue" : "open";
  const { loaded } = useLiveLoad(
    () => api.GET("/v1/agreements", { params: { query: { status } } }),
    [api, status],
  );
  return (
    <>
      <ScreenTitle
        title={t(chair ? "agreements.overdue.title" : "agreements.title")}
        intro={t(chair ? "agreements.overdue.intro" : "agreements.intro")}
      />
      <Load loaded={loaded}>
        {({ agreements }) =>
          agreements.length === 0 ? (
            <Paragraph>{t("agreements.empty")}</Paragraph>
          ) : (
            <AuditTable
              caption={t(chair ? "agreements.overdue.title" : "agreements.title")}
              items={agreements}
              rowKey={(agreement) => agreement.agreementId}
              columns={[
                {
                  title: t("audit.col.case"),
                  cell: (a) => t("cases.row.case", { id: caseNumber(a.caseId) }),
                },
                {
                  title: t("agreements.col.what"),
                  cell: (a) => (
                    <Link
                      href={`/casussen/${a.caseId}/afspraken/${a.agreementId}`}
                      className="utrecht-link"
                    >
                      {a.what}
                    </Link>
                  ),
                },
                {
                  title: t("agreements.col.owner"),
                  cell: (a) => organisationName(a.ownerOrganisationId),
                },
                {
                  title: t("agreements.col.due"),
                  cell: (a) => (
                    <>
                      {formatDate(a.dueDate)}
                      {a.overdue && (
                        <strong className="console-overdue">
                          {" "}
                          ({t("case.agreement.overdue")})
                        </strong>
                      )}
                    </>
                  ),
                },
              ]}
            />
          )
        }
      </Load>
    </>
  );
}
