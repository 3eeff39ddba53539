import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Paragraph,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import type { Problem, RequestBody } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { ScreenTitle } from "../layout/Screen";
import { RadioGroup, SelectField, TextAreaField, TextField } from "../ui/fields";
import { fieldErrors } from "../ui/problemErrors";

type OpenCase = RequestBody<"postCases">;
const URGENCIES = ["low", "medium", "high"] as const;

const empty = {
  name: "",
  dateOfBirth: "",
  school: "",
  contactName: "",
  contactFunction: "",
  contactReach: "",
  category: "",
  level: "",
  urgency: "medium" as OpenCase["urgency"],
  description: "",
};

/** Raise a signal that opens a case. The personal fields go in the body only, never the URL. */
export default function RaiseSignal() {
  const { api } = useSignedIn();
  const { t, pick } = useI18n();
  const { covenantId, signalCategories, levels } = useReference();
  const [, navigate] = useLocation();
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  // The young person's case is open already: the signal went to its chair (rule 9).
  const [joined, setJoined] = useState(false);
  const set = (field: keyof typeof empty) => (value: string) =>
    setForm({ ...form, [field]: value });
  const errors = fieldErrors(problem);

  if (!covenantId) return <Alert type="error">{t("common.noCovenant")}</Alert>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: OpenCase = {
      covenantId,
      subject: { name: form.name, dateOfBirth: form.dateOfBirth, school: form.school },
      contact: { name: form.contactName, function: form.contactFunction, reach: form.contactReach },
      category: form.category,
      level: form.level,
      urgency: form.urgency,
      description: form.description,
    };
    const { data, error } = await api.POST("/v1/cases", { body });
    setBusy(false);
    if (data?.outcome === "joined-existing-case") setJoined(true);
    else if (data) navigate(`/casussen/${data.caseId}`);
    else setProblem(error as Problem);
  };

  return (
    <>
      <ScreenTitle title={t("signal.title")} intro={t("signal.intro")} />
      {joined && (
        <Alert type="ok" role="status">
          <Paragraph>{t("signal.joined")}</Paragraph>
        </Alert>
      )}
      {problem && (
        <Alert type="error" role="alert">
          <Paragraph>
            {problem.status === 400 ? t("form.invalid") : (problem.detail ?? problem.title)}
          </Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} className="console-form" noValidate>
        <Fieldset>
          <FieldsetLegend>{t("signal.subject")}</FieldsetLegend>
          <TextField
            label={t("signal.subject.name")}
            value={form.name}
            required
            error={errors["subject.name"]}
            onChange={set("name")}
          />
          <TextField
            label={t("signal.subject.dateOfBirth")}
            type="date"
            value={form.dateOfBirth}
            required
            error={errors["subject.dateOfBirth"]}
            onChange={set("dateOfBirth")}
          />
          <TextField
            label={t("signal.subject.school")}
            value={form.school}
            required
            error={errors["subject.school"]}
            onChange={set("school")}
          />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t("signal.contact")}</FieldsetLegend>
          <TextField
            label={t("signal.contact.name")}
            value={form.contactName}
            required
            autoComplete="name"
            error={errors["contact.name"]}
            onChange={set("contactName")}
          />
          <TextField
            label={t("signal.contact.function")}
            value={form.contactFunction}
            required
            autoComplete="organization-title"
            error={errors["contact.function"]}
            onChange={set("contactFunction")}
          />
          <TextField
            label={t("signal.contact.reach")}
            value={form.contactReach}
            required
            error={errors["contact.reach"]}
            onChange={set("contactReach")}
          />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t("signal.concern")}</FieldsetLegend>
          <SelectField
            label={t("signal.category")}
            value={form.category}
            required
            placeholder={t("form.choose")}
            error={errors.category}
            choices={signalCategories.map((c) => ({ value: c.id, label: pick(c.label) }))}
            onChange={set("category")}
          />
          <SelectField
            label={t("signal.level")}
            value={form.level}
            required
            placeholder={t("form.choose")}
            error={errors.level}
            choices={levels.map((level) => ({ value: level.id, label: pick(level.label) }))}
            onChange={set("level")}
          />
          <RadioGroup
            legend={t("signal.urgency")}
            name="urgency"
            value={form.urgency}
            choices={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            onChange={set("urgency")}
          />
          <TextAreaField
            label={t("signal.description")}
            description={t("signal.description.hint")}
            value={form.description}
            required
            rows={6}
            error={errors.description}
            onChange={set("description")}
          />
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("signal.submit")}
        </Button>
      </form>
    </>
  );
}
