import { Button, Heading2 } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { CaseScreen } from "../cases/CaseScreen";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { SelectField, TextAreaField } from "../ui/fields";
import { useWrite, WriteProblem } from "../ui/useWrite";

type CaseView = Schemas["Case"];

/** The chair invites a covenant member to the case, and gives regie to one joined participant. */
function Tools({ view, done }: { view: CaseView; done(): void }) {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const { covenant, organisationName } = useReference();
  const { busy, problem, run } = useWrite();
  const [invite, setInvite] = useState({ organisationId: "", message: "" });
  const [regie, setRegie] = useState(view.regieOrganisationId ?? "");
  const path = { params: { path: { caseId: view.caseId } } };
  const known = new Set([
    view.chairOrganisationId,
    ...view.participants
      .filter((p) => p.status === "invited" || p.status === "joined")
      .map((p) => p.organisationId),
  ]);
  const invitable = (covenant?.members ?? []).filter((m) => !known.has(m.organisationId));
  const joined = view.participants.filter((p) => p.status === "joined");
  const sendInvite = async (event: FormEvent) => {
    event.preventDefault();
    const body = { organisationId: invite.organisationId, message: invite.message };
    if (await run(() => api.POST("/v1/cases/{caseId}/invitations", { ...path, body }))) {
      setInvite({ organisationId: "", message: "" });
      done();
    }
  };
  const assign = async (event: FormEvent) => {
    event.preventDefault();
    const body = { organisationId: regie };
    if (await run(() => api.PUT("/v1/cases/{caseId}/regie", { ...path, body }))) done();
  };
  return (
    <>
      <WriteProblem problem={problem} />
      <section aria-labelledby="invite" className="console-section">
        <Heading2 id="invite">{t("tools.invite")}</Heading2>
        <form onSubmit={sendInvite} className="console-form" noValidate>
          <SelectField
            label={t("tools.invite.organisation")}
            value={invite.organisationId}
            placeholder={t("form.choose")}
            choices={invitable.map((m) => ({ value: m.organisationId, label: m.name }))}
            onChange={(organisationId) => setInvite({ ...invite, organisationId })}
          />
          <TextAreaField
            label={t("tools.invite.message")}
            description={t("tools.invite.message.hint")}
            rows={2}
            value={invite.message}
            onChange={(message) => setInvite({ ...invite, message })}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={busy}>
            {t("tools.invite.submit")}
          </Button>
        </form>
      </section>
      <section aria-labelledby="regie" className="console-section">
        <Heading2 id="regie">{t("case.regie")}</Heading2>
        <form onSubmit={assign} className="console-form" noValidate>
          <SelectField
            label={t("tools.regie.organisation")}
            value={regie}
            placeholder={t("form.choose")}
            choices={joined.map((p) => ({
              value: p.organisationId,
              label: organisationName(p.organisationId),
            }))}
            onChange={setRegie}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={busy}>
            {t("tools.regie.submit")}
          </Button>
        </form>
      </section>
      <section aria-labelledby="participants-now" className="console-section">
        <Heading2 id="participants-now">{t("case.participants")}</Heading2>
        <ul>
          {view.participants.map((p) => (
            <li key={p.organisationId} data-organisation={p.organisationId}>
              {organisationName(p.organisationId)} — {t(`participant.${p.status}` as const)}
              {view.regieOrganisationId === p.organisationId && ` · ${t("case.regie")}`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default function CaseTools() {
  const { t } = useI18n();
  return (
    <CaseScreen title={t("tools.title")} intro={t("tools.intro")}>
      {(view, reload) => <Tools view={view} done={reload} />}
    </CaseScreen>
  );
}
