import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
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
import { useLiveLoad } from "../live/useLiveLoad";
import { SelectField, TextAreaField, TextField } from "../ui/fields";
import { instantOf, useWrite, WriteProblem } from "../ui/useWrite";
import { SessionWhen } from "./SessionList";

type Session = Schemas["Session"];

function AddItem({ session, done }: { session: Session; done(): void }) {
  const { api, session: me } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { signalCategoryLabel } = useReference();
  const { busy, problem, run } = useWrite();
  const [caseId, setCaseId] = useState("");
  const [question, setQuestion] = useState("");
  const [cases] = useLoad(() => api.GET("/v1/cases"), [api]);
  const listed = new Set(session.agenda.map((item) => item.caseId));
  const choices =
    cases.state === "loaded"
      ? cases.value.cases
          .filter(
            (c) =>
              c.view === "case" &&
              c.status === "open" &&
              c.chairOrganisationId === me.organisationId &&
              !listed.has(c.caseId),
          )
          .map((c) => ({
            value: c.caseId,
            label: `${t("cases.row.case", { id: caseNumber(c.caseId) })} · ${signalCategoryLabel(c.signalCategory)}`,
          }))
      : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const written = await run(() =>
      api.POST("/v1/sessions/{sessionId}/agenda", {
        params: { path: { sessionId: session.sessionId } },
        body: { caseId, question },
      }),
    );
    if (written) {
      setCaseId("");
      setQuestion("");
      done();
    }
  };
  return (
    <form onSubmit={submit} className="console-form" noValidate aria-labelledby="add-item">
      <Heading2 id="add-item">{t("sessions.agenda.add")}</Heading2>
      <WriteProblem problem={problem} />
      <SelectField
        label={t("sessions.agenda.case")}
        value={caseId}
        placeholder={t("form.choose")}
        choices={choices}
        required
        onChange={setCaseId}
      />
      <TextAreaField
        label={t("sessions.agenda.question")}
        description={t("sessions.agenda.question.hint", {
          when: session.startsAt ? formatDateTime(session.startsAt) : "",
        })}
        value={question}
        required
        onChange={setQuestion}
      />
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t("sessions.agenda.add.submit")}
      </Button>
    </form>
  );
}

function Reschedule({ session, done }: { session: Session; done(): void }) {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const { busy, problem, run } = useWrite();
  const [draft, setDraft] = useState({ startsAt: "", endsAt: "", reason: "", cancelReason: "" });
  const path = { params: { path: { sessionId: session.sessionId } } };
  const reschedule = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      startsAt: instantOf(draft.startsAt),
      endsAt: instantOf(draft.endsAt),
      reason: draft.reason,
    };
    if (await run(() => api.POST("/v1/sessions/{sessionId}/reschedule", { ...path, body }))) done();
  };
  const cancel = async (event: FormEvent) => {
    event.preventDefault();
    const body = { reason: draft.cancelReason };
    if (await run(() => api.POST("/v1/sessions/{sessionId}/cancel", { ...path, body }))) done();
  };
  return (
    <section aria-labelledby="move" className="console-section">
      <Heading2 id="move">{t("sessions.reschedule")}</Heading2>
      <WriteProblem problem={problem} />
      <form onSubmit={reschedule} className="console-form" noValidate>
        <TextField
          label={t("sessions.startsAt")}
          type="datetime-local"
          value={draft.startsAt}
          onChange={(startsAt) => setDraft({ ...draft, startsAt })}
        />
        <TextField
          label={t("sessions.endsAt")}
          type="datetime-local"
          value={draft.endsAt}
          onChange={(endsAt) => setDraft({ ...draft, endsAt })}
        />
        <TextField
          label={t("sessions.reschedule.reason")}
          value={draft.reason}
          onChange={(reason) => setDraft({ ...draft, reason })}
        />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t("sessions.reschedule.submit")}
        </Button>
      </form>
      <form onSubmit={cancel} className="console-form" noValidate>
        <TextField
          label={t("sessions.cancel.reason")}
          value={draft.cancelReason}
          onChange={(cancelReason) => setDraft({ ...draft, cancelReason })}
        />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t("sessions.cancel.submit")}
        </Button>
      </form>
    </section>
  );
}

function Agenda({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="agenda" className="console-section">
      <Heading2 id="agenda">{t("sessions.agenda")}</Heading2>
      {session.agenda.length === 0 ? (
        <Paragraph>{t("case.nothing")}</Paragraph>
      ) : (
        <ol className="utrecht-ordered-list">
          {session.agenda.map((item) => (
            <li key={item.itemId} className="utrecht-ordered-list__item">
              <Link
                href={`/sessies/${session.sessionId}/agenda/${item.itemId}`}
                className="utrecht-link"
              >
                {t("cases.row.case", { id: caseNumber(item.caseId) })}
              </Link>
              : {item.question} · {item.heldAt ? t("sessions.item.held") : t("sessions.item.open")}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SessionView({ session, reload }: { session: Session; reload(): void }) {
  const { session: me } = useSignedIn();
  const { t } = useI18n();
  const { organisationName } = useReference();
  const chairs = me.roles.includes("chair") && session.chairOrganisationId === me.organisationId;
  const open = session.status === "planned" || session.status === "rescheduled";
  return (
    <>
      <ScreenTitle title={t("sessions.session")} intro={<SessionWhen session={session} />} />
      <Facts
        facts={[
          [t("sessions.location"), session.location ?? t("common.none")],
          [t("sessions.videoLink"), session.videoLink ?? t("common.none")],
          [t("sessions.planned"), session.plannedOrganisationIds.map(organisationName).join(", ")],
          ...(session.rescheduleReason
            ? [[t("sessions.reschedule.reason"), session.rescheduleReason] as [string, string]]
            : []),
          ...(session.cancelReason
            ? [[t("sessions.cancel.reason"), session.cancelReason] as [string, string]]
            : []),
        ]}
      />
      <Agenda session={session} />
      {chairs && open && <AddItem session={session} done={reload} />}
      {chairs && open && <Reschedule session={session} done={reload} />}
    </>
  );
}

export default function SessionDetail() {
  const { sessionId } = useParams<{ sessionId: string }>();
  const { api } = useSignedIn();
  const { loaded, reload } = useLiveLoad(
    () => api.GET("/v1/sessions/{sessionId}", { params: { path: { sessionId } } }),
    [api, sessionId],
  );
  return (
    <Load loaded={loaded}>{(session) => <SessionView session={session} reload={reload} />}</Load>
  );
}
