import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { Facts } from "../cases/CaseDetail";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { TextAreaField, TextField } from "../ui/fields";
import { useWrite, WriteProblem } from "../ui/useWrite";

type Agreement = Schemas["Case"]["agreements"][number];

/** One text and a button: a progress note, a completion, a cancellation. */
function OneField(props: {
  label: string;
  submit: string;
  busy: boolean;
  optional?: boolean;
  send(text: string): Promise<unknown>;
}) {
  const [text, setText] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.send(text)) setText("");
  };
  return (
    <form onSubmit={submit} className="console-form" noValidate>
      <TextAreaField
        label={props.label}
        value={text}
        rows={2}
        required={!props.optional}
        onChange={setText}
      />
      <Button type="submit" appearance="secondary-action-button" disabled={props.busy}>
        {props.submit}
      </Button>
    </form>
  );
}

function Updates({
  caseId,
  agreement,
  done,
}: {
  caseId: string;
  agreement: Agreement;
  done(): void;
}) {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { busy, problem, run } = useWrite();
  const [due, setDue] = useState({ dueDate: "", reason: "" });
  const path = { params: { path: { caseId, agreementId: agreement.agreementId } } };
  const after = async <T,>(written: Promise<T | undefined>) => {
    const result = await written;
    if (result) done();
    return result;
  };
  const owns = agreement.ownerOrganisationId === session.organisationId;
  const changeDue = async (event: FormEvent) => {
    event.preventDefault();
    await after(
      run(() =>
        api.POST("/v1/cases/{caseId}/agreements/{agreementId}/due-date-changes", {
          ...path,
          body: due,
        }),
      ),
    );
  };
  return (
    <section aria-labelledby="update" className="console-section">
      <Heading2 id="update">{t("agreement.update")}</Heading2>
      <WriteProblem problem={problem} />
      {owns && (
        <OneField
          label={t("agreement.progress")}
          submit={t("agreement.progress.submit")}
          busy={busy}
          send={(note) =>
            after(
              run(() =>
                api.POST("/v1/cases/{caseId}/agreements/{agreementId}/progress-notes", {
                  ...path,
                  body: { note },
                }),
              ),
            )
          }
        />
      )}
      <form onSubmit={changeDue} className="console-form" noValidate>
        <TextField
          label={t("agreement.newDueDate")}
          type="date"
          value={due.dueDate}
          onChange={(dueDate) => setDue({ ...due, dueDate })}
        />
        <TextField
          label={t("agreement.dueReason")}
          value={due.reason}
          onChange={(reason) => setDue({ ...due, reason })}
        />
        <Button type="submit" appearance="secondary-action-button" disabled={busy}>
          {t("agreement.due.submit")}
        </Button>
      </form>
      {owns && (
        <OneField
          label={t("agreement.completion")}
          submit={t("agreement.complete")}
          busy={busy}
          optional
          send={(note) =>
            after(
              run(() =>
                api.POST("/v1/cases/{caseId}/agreements/{agreementId}/completion", {
                  ...path,
                  body: note ? { note } : {},
                }),
              ),
            )
          }
        />
      )}
      <OneField
        label={t("agreement.cancelReason")}
        submit={t("agreement.cancel")}
        busy={busy}
        send={(reason) =>
          after(
            run(() =>
              api.POST("/v1/cases/{caseId}/agreements/{agreementId}/cancellation", {
                ...path,
                body: { reason },
              }),
            ),
          )
        }
      />
    </section>
  );
}

function AgreementView({
  caseId,
  agreement,
  done,
}: {
  caseId: string;
  agreement: Agreement;
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
      {agreement.status === "open" && <Updates caseId={caseId} agreement={agreement} done={done} />}
    </>
  );
}

export default function AgreementUpdate() {
  const { caseId, agreementId } = useParams<{ caseId: string; agreementId: string }>();
  const { api } = useSignedIn();
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
          <AgreementView caseId={caseId} agreement={agreement} done={reload} />
        ) : (
          <Paragraph>{t("common.notFound")}</Paragraph>
        );
      }}
    </Load>
  );
}
