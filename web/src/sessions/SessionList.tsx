import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { useLiveLoad } from "../live/useLiveLoad";
import { CheckboxGroup, TextField } from "../ui/fields";
import { instantOf, useWrite, WriteProblem } from "../ui/useWrite";

type Listed = Schemas["SessionList"]["sessions"][number];

export function SessionWhen({ session }: { session: Pick<Listed, "startsAt" | "status"> }) {
  const { t, formatDateTime } = useI18n();
  const when = session.startsAt ? formatDateTime(session.startsAt) : t("common.none");
  return (
    <>
      {when} · {t(`sessions.status.${session.status}` as const)}
    </>
  );
}

function PlanSession() {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { covenant, covenantId } = useReference();
  const [, navigate] = useLocation();
  const { busy, problem, run } = useWrite();
  const [draft, setDraft] = useState({
    startsAt: "",
    endsAt: "",
    location: "",
    videoLink: "",
    planned: [] as string[],
  });
  const partners = (covenant?.members ?? []).filter(
    (m) => m.organisationId !== session.organisationId,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const written = await run(() =>
      api.POST("/v1/sessions", {
        body: {
          covenantId: covenantId ?? "",
          startsAt: instantOf(draft.startsAt),
          endsAt: instantOf(draft.endsAt),
          location: draft.location || null,
          videoLink: draft.videoLink || null,
          plannedOrganisationIds: draft.planned,
        },
      }),
    );
    if (written) navigate(`/sessies/${written.sessionId}`);
  };
  return (
    <section aria-labelledby="plan" className="console-section">
      <Heading2 id="plan">{t("sessions.plan")}</Heading2>
      <WriteProblem problem={problem} />
      <form onSubmit={submit} className="console-form" noValidate>
        <TextField
          label={t("sessions.startsAt")}
          type="datetime-local"
          required
          value={draft.startsAt}
          onChange={(startsAt) => setDraft({ ...draft, startsAt })}
        />
        <TextField
          label={t("sessions.endsAt")}
          type="datetime-local"
          required
          value={draft.endsAt}
          onChange={(endsAt) => setDraft({ ...draft, endsAt })}
        />
        <TextField
          label={t("sessions.location")}
          value={draft.location}
          onChange={(location) => setDraft({ ...draft, location })}
        />
        <TextField
          label={t("sessions.videoLink")}
          type="url"
          description={t("sessions.videoLink.hint")}
          value={draft.videoLink}
          onChange={(videoLink) => setDraft({ ...draft, videoLink })}
        />
        <CheckboxGroup
          legend={t("sessions.planned")}
          name="planned"
          choices={partners.map((m) => ({ value: m.organisationId, label: m.name }))}
          values={draft.planned}
          onChange={(planned) => setDraft({ ...draft, planned })}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("sessions.plan.submit")}
        </Button>
      </form>
    </section>
  );
}

export default function SessionList() {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { loaded } = useLiveLoad(() => api.GET("/v1/sessions"), [api]);
  return (
    <>
      <ScreenTitle title={t("sessions.title")} intro={t("sessions.intro")} />
      <Load loaded={loaded}>
        {({ sessions }) =>
          sessions.length === 0 ? (
            <Paragraph>{t("sessions.empty")}</Paragraph>
          ) : (
            <ul className="console-list">
              {sessions.map((listed) => (
                <li key={listed.sessionId}>
                  <Link href={`/sessies/${listed.sessionId}`} className="utrecht-link">
                    <SessionWhen session={listed} />
                  </Link>{" "}
                  · {t("sessions.items", { count: listed.agenda.length })}
                </li>
              ))}
            </ul>
          )
        }
      </Load>
      {session.roles.includes("chair") && <PlanSession />}
    </>
  );
}
