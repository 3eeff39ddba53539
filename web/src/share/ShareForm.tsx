import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import type { Problem, Schemas } from "../api/client";
import { type BrokenRule, brokenRules } from "../api/problems";
import { useSignedIn } from "../auth/session";
import { CaseScreen } from "../cases/CaseScreen";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { fieldErrors } from "../ui/problemErrors";
import { RefusalNotice } from "./RefusalNotice";
import { ShareSteps } from "./ShareSteps";
import { emptyDraft, type ShareDraft, shareBody } from "./shareDraft";

type Outcome =
  | { kind: "shared" }
  | { kind: "refused"; rules: BrokenRule[] }
  | { kind: "invalid"; problem: Problem };

function ShareOnCase({ view }: { view: Schemas["Case"] }) {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { legalBases, covenant } = useReference();
  const [draft, setDraft] = useState<ShareDraft>(emptyDraft);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const myKind = covenant?.members.find(
    (m) => m.organisationId === session.organisationId,
  )?.partnerKind;
  const bases = legalBases.filter((basis) => !myKind || basis.sharerKinds.includes(myKind));
  const recipients = view.participants
    .filter((p) => p.status === "joined" && p.organisationId !== session.organisationId)
    .map((p) => p.organisationId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const basis = bases.find((b) => b.id === draft.legalBasisId);
    const { data, error } = await api.POST("/v1/cases/{caseId}/shares", {
      params: { path: { caseId: view.caseId } },
      body: shareBody(draft, basis),
    });
    setBusy(false);
    const problem = error as Problem | undefined;
    if (data) setOutcome({ kind: "shared" });
    else if (problem?.status === 422) setOutcome({ kind: "refused", rules: brokenRules(problem) });
    else if (problem) setOutcome({ kind: "invalid", problem });
  };

  if (outcome?.kind === "shared") {
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t("share.done")}</Paragraph>
        <Paragraph>
          <Link href={`/casussen/${view.caseId}`} className="utrecht-link">
            {t("common.back")}
          </Link>
        </Paragraph>
      </Alert>
    );
  }
  return (
    <>
      {outcome?.kind === "refused" && <RefusalNotice rules={outcome.rules} />}
      {outcome?.kind === "invalid" && (
        <Alert type="error" role="alert">
          <Paragraph>
            {outcome.problem.status === 400
              ? t("form.invalid")
              : (outcome.problem.detail ?? outcome.problem.title)}
          </Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} className="console-form" noValidate>
        <ShareSteps
          view={view}
          bases={bases}
          recipients={recipients}
          draft={draft}
          errors={outcome?.kind === "invalid" ? fieldErrors(outcome.problem) : {}}
          change={(patch) => setDraft({ ...draft, ...patch })}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("share.submit")}
        </Button>
      </form>
    </>
  );
}

export default function ShareForm() {
  const { t } = useI18n();
  return (
    <CaseScreen title={t("share.title")} intro={t("share.intro")}>
      {(view) => <ShareOnCase view={view} />}
    </CaseScreen>
  );
}
