import { Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import type { Schemas } from "../api/client";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from "../ui/fields";
import type { ShareDraft } from "./shareDraft";

interface StepsProps {
  view: Schemas["Case"];
  bases: Schemas["LegalBasis"][];
  recipients: string[];
  draft: ShareDraft;
  errors: Record<string, string>;
  change(patch: Partial<ShareDraft>): void;
}

/** Steps 1–7 of a share, in the order the law asks the questions. */
export function ShareSteps({ view, bases, recipients, draft, errors, change }: StepsProps) {
  const { t, pick } = useI18n();
  const { dataCategories, covenant, organisationName } = useReference();
  const basis = bases.find((b) => b.id === draft.legalBasisId);
  const needs = basis?.requirements;
  return (
    <>
      <RadioGroup
        legend={t("share.step.basis")}
        description={t("share.step.basis.hint")}
        name="legalBasisId"
        value={draft.legalBasisId}
        error={errors.legalBasisId}
        choices={bases.map((b) => ({
          value: b.id,
          label: `${b.citation} — ${pick(b.description)}`,
          hint:
            [
              b.requirements.consent && t("share.basis.needsConsent"),
              b.unverified && t("share.basis.unverified"),
            ]
              .filter(Boolean)
              .join(" · ") || undefined,
        }))}
        onChange={(legalBasisId) => change({ legalBasisId })}
      />
      <CheckboxGroup
        legend={t("share.step.recipients")}
        description={
          recipients.length ? t("share.step.recipients.hint") : t("share.recipients.none")
        }
        name="recipients"
        values={draft.recipients}
        error={errors.recipients}
        choices={recipients.map((id) => ({ value: id, label: organisationName(id) }))}
        onChange={(values) => change({ recipients: values })}
      />
      <CheckboxGroup
        legend={t("share.step.categories")}
        name="dataCategories"
        values={draft.dataCategories}
        error={errors.dataCategories}
        choices={dataCategories.map((c) => ({
          value: c.id,
          label: pick(c.label),
          hint: c.special ? t(`share.category.special.${c.special}` as const) : undefined,
        }))}
        onChange={(values) => change({ dataCategories: values })}
      />
      <SelectField
        label={t("share.step.purpose")}
        value={draft.purposeId}
        required
        placeholder={t("form.choose")}
        error={errors.purposeId}
        choices={(covenant?.purposes ?? []).map((p) => ({
          value: p.purposeId,
          label: p.description,
        }))}
        onChange={(purposeId) => change({ purposeId })}
      />
      <TextAreaField
        label={t("share.step.necessity")}
        description={t("share.necessity.hint")}
        value={draft.necessity}
        required
        error={errors.necessity}
        onChange={(necessity) => change({ necessity })}
      />
      <Fieldset>
        <FieldsetLegend>{t("share.step.consent")}</FieldsetLegend>
        <Paragraph>
          {needs?.consent ? t("share.consent.needed") : t("share.consent.notNeeded")}
        </Paragraph>
        {needs?.consent && (
          <Paragraph>{t("share.consent.recorded", { count: view.consents.length })}</Paragraph>
        )}
      </Fieldset>
      {(needs?.decisionReference ||
        needs?.weightyPublicInterest ||
        needs?.competentAuthorityAgreement) && (
        <Fieldset>
          <FieldsetLegend>{t("share.step.police")}</FieldsetLegend>
          {needs.decisionReference && (
            <TextField
              label={t("share.decisionReference")}
              value={draft.decisionReference}
              required
              error={errors.decisionReference}
              onChange={(decisionReference) => change({ decisionReference })}
            />
          )}
          {needs.weightyPublicInterest && (
            <TextAreaField
              label={t("share.weightyPublicInterest")}
              value={draft.weightyPublicInterest}
              required
              error={errors.weightyPublicInterest}
              onChange={(weightyPublicInterest) => change({ weightyPublicInterest })}
            />
          )}
          {needs.competentAuthorityAgreement && (
            <>
              <SelectField
                label={t("share.authority")}
                value={draft.authority}
                required
                placeholder={t("form.choose")}
                choices={(["burgemeester", "officier-van-justitie"] as const).map((a) => ({
                  value: a,
                  label: t(`share.authority.${a}`),
                }))}
                onChange={(authority) =>
                  change({ authority: authority as ShareDraft["authority"] })
                }
              />
              <TextField
                label={t("share.authorityReference")}
                value={draft.authorityReference}
                required
                onChange={(authorityReference) => change({ authorityReference })}
              />
              <TextField
                label={t("share.agreedOn")}
                type="date"
                value={draft.agreedOn}
                required
                onChange={(agreedOn) => change({ agreedOn })}
              />
            </>
          )}
        </Fieldset>
      )}
      <TextAreaField
        label={t("share.step.content")}
        description={t("share.content")}
        value={draft.content}
        required
        rows={6}
        error={errors.content}
        onChange={(content) => change({ content })}
      />
    </>
  );
}
