import { Button, Heading2 } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { RequestBody, Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { CheckboxGroup, RadioGroup, SelectField, TextField } from "../ui/fields";
import { instantOf, useWrite, WriteProblem } from "../ui/useWrite";

type Body = RequestBody<"postCasesCaseIdConsents">;
type Role = Body["giver"]["role"];

const emptyDraft = {
  role: "subject" as Role,
  name: "",
  parentalAuthority: "",
  method: "form" as Body["method"],
  evidenceReference: "",
  dataCategories: [] as string[],
  recipients: [] as string[],
  purposeId: "",
  givenOn: "",
  expiresOn: "",
};
type Draft = typeof emptyDraft;

function bodyOf(draft: Draft): Body {
  const adult = draft.role !== "subject";
  return {
    giver: {
      role: draft.role,
      name: adult ? draft.name || null : null,
      parentalAuthority: adult ? draft.parentalAuthority === "yes" : null,
    },
    method: draft.method,
    evidenceReference: draft.evidenceReference,
    scope: {
      dataCategories: draft.dataCategories,
      recipientOrganisationIds: draft.recipients,
      purposeId: draft.purposeId,
    },
    givenOn: draft.givenOn,
    expiresAt: draft.expiresOn ? instantOf(`${draft.expiresOn}T23:59`) : null,
  };
}

/** A consent as the organisation that obtained it records it: giver, how, evidence, scope, term. */
export function ConsentForm({ view, done }: { view: Schemas["Case"]; done(): void }) {
  const { api, session } = useSignedIn();
  const { t, pick } = useI18n();
  const { covenant, dataCategories, organisationName } = useReference();
  const { busy, problem, run } = useWrite();
  const [draft, setDraft] = useState(emptyDraft);
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const recipients = view.participants
    .filter((p) => p.status === "joined" && p.organisationId !== session.organisationId)
    .map((p) => ({ value: p.organisationId, label: organisationName(p.organisationId) }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = { params: { path: { caseId: view.caseId } } };
    const written = await run(() =>
      api.POST("/v1/cases/{caseId}/consents", { ...path, body: bodyOf(draft) }),
    );
    if (written) {
      setDraft(emptyDraft);
      done();
    }
  };
  const adult = draft.role !== "subject";
  return (
    <form onSubmit={submit} className="console-form" noValidate aria-labelledby="new-consent">
      <Heading2 id="new-consent">{t("consent.new")}</Heading2>
      <WriteProblem problem={problem} />
      <RadioGroup
        legend={t("consent.giver")}
        name="giver"
        value={draft.role}
        choices={(["subject", "parent", "guardian"] as const).map((role) => ({
          value: role,
          label: t(`consent.role.${role}` as const),
        }))}
        onChange={(role) => change({ role: role as Role })}
      />
      {adult && (
        <>
          <TextField
            label={t("consent.giverName")}
            value={draft.name}
            onChange={(name) => change({ name })}
          />
          <RadioGroup
            legend={t("consent.parentalAuthority")}
            name="authority"
            value={draft.parentalAuthority}
            choices={[
              { value: "yes", label: t("common.yes") },
              { value: "no", label: t("common.no") },
            ]}
            onChange={(parentalAuthority) => change({ parentalAuthority })}
          />
        </>
      )}
      <RadioGroup
        legend={t("consent.method")}
        name="method"
        value={draft.method}
        choices={(["form", "verbal"] as const).map((method) => ({
          value: method,
          label: t(`consent.method.${method}` as const),
        }))}
        onChange={(method) => change({ method: method as Body["method"] })}
      />
      <TextField
        label={t("consent.evidence")}
        description={t("consent.evidence.hint")}
        value={draft.evidenceReference}
        onChange={(evidenceReference) => change({ evidenceReference })}
      />
      <CheckboxGroup
        legend={t("consent.categories")}
        name="categories"
        choices={dataCategories.map((c) => ({ value: c.id, label: pick(c.label) }))}
        values={draft.dataCategories}
        onChange={(values) => change({ dataCategories: values })}
      />
      <CheckboxGroup
        legend={t("consent.recipients")}
        name="recipients"
        choices={recipients}
        values={draft.recipients}
        onChange={(values) => change({ recipients: values })}
      />
      <SelectField
        label={t("consent.purpose")}
        value={draft.purposeId}
        placeholder={t("form.choose")}
        choices={(covenant?.purposes ?? []).map((p) => ({
          value: p.purposeId,
          label: p.description,
        }))}
        onChange={(purposeId) => change({ purposeId })}
      />
      <TextField
        label={t("consent.givenOn")}
        type="date"
        value={draft.givenOn}
        onChange={(givenOn) => change({ givenOn })}
      />
      <TextField
        label={t("consent.expiresOn")}
        type="date"
        value={draft.expiresOn}
        onChange={(expiresOn) => change({ expiresOn })}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("consent.submit")}
      </Button>
    </form>
  );
}
