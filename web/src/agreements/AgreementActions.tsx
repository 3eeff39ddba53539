import { Button, Heading2 } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useI18n } from "../i18n/i18n";
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

/**
 * What may be done with an open agreement, as the service allows it: the owner notes progress;
 * the owner or the case's chair moves the due date or completes it; the chair cancels it.
 */
export function AgreementActions({
  caseId,
  agreement,
  chairs,
  done,
}: {
  caseId: string;
  agreement: Agreement;
  /** The caller chairs the agreement's case. */
  chairs: boolean;
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
  const ownsOrChairs = owns || chairs;
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
      {ownsOrChairs && (
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
      )}
      {ownsOrChairs && (
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
      {chairs && (
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
      )}
    </section>
  );
}
