import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { ReportSections } from "./ReportSections";
import { SubjectPicker } from "./SubjectPicker";
import { useSubjectReport } from "./subjectReport";

/** The name the service gave the file (it names only the day), or a plain fallback. */
const savedName = (disposition: string | null) =>
  /filename="([A-Za-z0-9._-]+)"/.exec(disposition ?? "")?.[1] ?? "inzage.pdf";

/**
 * The service's PDF, fetched with the bearer token and saved from memory: the address carries
 * the subject id and covenant id only, and the file never passes through a URL of its own.
 */
function PdfDownload({ subjectId }: { subjectId: string }) {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setState("busy");
    const { data, response } = await api.GET("/v1/subjects/{subjectId}/report.pdf", {
      params: { path: { subjectId }, query: { covenant: covenantId ?? "" } },
      parseAs: "blob",
    });
    if (!data) return setState("failed");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(data);
    link.download = savedName(response.headers.get("Content-Disposition"));
    link.click();
    URL.revokeObjectURL(link.href);
    setState("idle");
  };
  return (
    <>
      <Button appearance="primary-action-button" disabled={state === "busy"} onClick={download}>
        {t("report.downloadPdf")}
      </Button>
      {state === "failed" && (
        <Alert type="error" role="alert">
          <Paragraph>{t("common.error")}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function Report({ subjectId }: { subjectId: string }) {
  const [loaded] = useSubjectReport(subjectId);
  return (
    <Load loaded={loaded}>
      {(report) => (
        <>
          <PdfDownload subjectId={subjectId} />
          <ReportSections report={report} />
        </>
      )}
    </Load>
  );
}

export default function SubjectAccessReport() {
  const { t } = useI18n();
  const [subjectId, setSubjectId] = useState<string | null>(null);
  return (
    <>
      <ScreenTitle title={t("report.title")} intro={t("report.intro")} />
      <SubjectPicker action={t("report.produce")} onPick={setSubjectId} />
      {subjectId && <Report key={subjectId} subjectId={subjectId} />}
    </>
  );
}
