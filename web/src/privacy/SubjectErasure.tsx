import { Alert, Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { RequestBody } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/nl";
import { Load, ScreenTitle } from "../layout/Screen";
import { RadioGroup } from "../ui/fields";
import { ConfirmErasure, ErasedParts } from "./ErasureConfirmation";
import { type ErasurePreview, useErasurePreview } from "./erasurePreview";
import { ReportSections } from "./ReportSections";
import { SubjectPicker } from "./SubjectPicker";
import { useSubjectReport } from "./subjectReport";

type Reason = RequestBody<"postSubjectsSubjectIdErasure">["reason"];
const REASONS: Reason[] = ["data-subject-request", "unlawful-processing", "consent-withdrawn"];
const reasonKey = (reason: Reason) => `erase.reason.${reason}` as MessageKey;

function Erasure({ subjectId }: { subjectId: string }) {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  const { t, formatDateTime } = useI18n();
  const [loaded, reload] = useSubjectReport(subjectId);
  const [preview, reloadPreview] = useErasurePreview(subjectId);
  const [reason, setReason] = useState<Reason | "">("");
  const [step, setStep] = useState<"prepare" | "confirm" | "busy" | "failed">("prepare");
  const toConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (reason) setStep("confirm");
  };
  const erase = async () => {
    if (!reason || !covenantId) return;
    setStep("busy");
    const { data } = await api.POST("/v1/subjects/{subjectId}/erasure", {
      params: { path: { subjectId } },
      body: { covenantId, reason },
    });
    setStep(data ? "prepare" : "failed");
    if (data) {
      reload();
      reloadPreview();
    }
  };
  const prepare = (counted: ErasurePreview) => (
    <form className="console-form" onSubmit={toConfirm}>
      <Heading2>{t("erase.what.title")}</Heading2>
      <ErasedParts preview={counted} />
      <RadioGroup
        legend={t("erase.reason")}
        name="reden"
        value={reason}
        choices={REASONS.map((value) => ({ value, label: t(reasonKey(value)) }))}
        onChange={(value) => setReason(value as Reason)}
      />
      <Button type="submit" appearance="primary-action-button" disabled={!reason}>
        {t("erase.next")}
      </Button>
    </form>
  );
  const confirm = (counted: ErasurePreview) => (
    <>
      <ConfirmErasure
        preview={counted}
        reason={reason ? t(reasonKey(reason)) : ""}
        busy={step === "busy"}
        onConfirm={erase}
        onCancel={() => setStep("prepare")}
      />
      {step === "failed" && (
        <Alert type="error" role="alert">
          <Paragraph>{t("common.error")}</Paragraph>
        </Alert>
      )}
    </>
  );
  return (
    <Load loaded={loaded}>
      {(report) =>
        report.erasure ? (
          <>
            <Alert type="ok" role="status">
              <Paragraph>
                {t("erase.done", { at: formatDateTime(report.erasure.erasedAt) })}
              </Paragraph>
            </Alert>
            <ReportSections report={report} />
          </>
        ) : (
          <Load loaded={preview}>
            {(counted) => (step === "prepare" ? prepare(counted) : confirm(counted))}
          </Load>
        )
      }
    </Load>
  );
}

export default function SubjectErasure() {
  const { t } = useI18n();
  const [subjectId, setSubjectId] = useState<string | null>(null);
  return (
    <>
      <ScreenTitle title={t("erase.title")} intro={t("erase.intro")} />
      <SubjectPicker action={t("erase.prepare")} onPick={setSubjectId} />
      {subjectId && <Erasure key={subjectId} subjectId={subjectId} />}
    </>
  );
}
