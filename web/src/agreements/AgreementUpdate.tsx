import {
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { Link, useParams } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { Facts } from "../cases/CaseDetail";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { AgreementActions } from "./AgreementActions";

type Agreement = Schemas["Case"]["agreements"][number];

function AgreementView({
  caseId,
  agreement,
  chairs,
  done,
}: {
  caseId: string;
  agreement: Agreement;
  chairs: boolean;
  done(): void;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { organisationName } = useReference();
  const owner = agreement.owner
    ? `${agreement.owner.name} (${agreement.owner.function})`
    : t("common.none");
  return (
    <>
      <ScreenTitle title={agreement.what} intro={t("cases.row.case", { id: caseNumber(caseId) })} />
      <Paragraph>
        <Link href={`/casussen/${caseId}`} className="utrecht-link">
          {t("common.back")}: {t("case.title", { id: caseNumber(caseId) })}
        </Link>
      </Paragraph>
      <Facts
        facts={[
          [
            t("agreements.col.owner"),
            `${organisationName(agreement.ownerOrganisationId)}, ${owner}`,
          ],
          [t("agreements.col.due"), formatDate(agreement.dueDate)],
          [
            t("case.status"),
            <span key="status" data-status={agreement.status}>
              {t(`agreement.status.${agreement.status}` as const)}
              {agreement.overdue && (
                <strong className="console-overdue"> ({t("case.agreement.overdue")})</strong>
              )}
              {agreement.completedLate && ` (${t("agreement.completedLate")})`}
            </span>,
          ],
          ...(agreement.completionNote
            ? [[t("agreement.completion"), agreement.completionNote] as [string, string]]
            : []),
          ...(agreement.cancelReason
            ? [[t("agreement.cancelReason"), agreement.cancelReason] as [string, string]]
            : []),
        ]}
      />
      <section aria-labelledby="history" className="console-section">
        <Heading2 id="history">{t("agreement.history")}</Heading2>
        <UnorderedList>
          {agreement.progress.map((note) => (
            <UnorderedListItem key={note.noteId}>
              {formatDateTime(note.notedAt)}: {note.note}
            </UnorderedListItem>
          ))}
          {agreement.dueDateChanges.map((change) => (
            <UnorderedListItem key={change.changedAt}>
              {t("agreement.dueChanged", {
                from: formatDate(change.previousDueDate),
                to: formatDate(change.dueDate),
              })}
              : {change.reason}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      {agreement.status === "open" && (
        <AgreementActions caseId={caseId} agreement={agreement} chairs={chairs} done={done} />
      )}
    </>
  );
}

export default function AgreementUpdate() {
  const { caseId, agreementId } = useParams<{ caseId: string; agreementId: string }>();
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const [loaded, reload] = useLoad(
    () => api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } }),
    [api, caseId],
  );
  return (
    <Load loaded={loaded}>
      {(view) => {
        const agreement =
          view.view === "case"
            ? view.agreements.find((a) => a.agreementId === agreementId)
            : undefined;
        return agreement ? (
          <AgreementView
            caseId={caseId}
            agreement={agreement}
            chairs={
              view.view === "case" &&
              session.roles.includes("chair") &&
              view.chairOrganisationId === session.organisationId
            }
            done={reload}
          />
        ) : (
          <Paragraph>{t("common.notFound")}</Paragraph>
        );
      }}
    </Load>
  );
}
