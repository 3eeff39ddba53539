import {
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { Link, useParams } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { useLiveLoad } from "../live/useLiveLoad";
import { ItemMinutes } from "./ItemMinutes";
import { RecordItem } from "./RecordItem";

type Session = Schemas["Session"];

/** Rule: only the case's chair and joined participants may be in the room for its item. */
function roomOf(session: Session, view: Schemas["Case"] | undefined) {
  const allowed = new Set([session.chairOrganisationId]);
  for (const p of view?.participants ?? [])
    if (p.status === "joined") allowed.add(p.organisationId);
  const leaving = session.plannedOrganisationIds.filter((id) => !allowed.has(id));
  return { room: [...allowed], leaving };
}

function Room({ room, leaving }: { room: string[]; leaving: string[] }) {
  const { t } = useI18n();
  const { organisationName } = useReference();
  return (
    <section aria-labelledby="room" className="console-section">
      <Heading2 id="room">{t("run.room")}</Heading2>
      <UnorderedList>
        {room.map((id) => (
          <UnorderedListItem key={id} data-room="in">
            {organisationName(id)}
          </UnorderedListItem>
        ))}
        {leaving.map((id) => (
          <UnorderedListItem key={id} data-room="leaves">
            {t("run.leaves", { organisation: organisationName(id) })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

function Item({ session, itemId, reload }: { session: Session; itemId: string; reload(): void }) {
  const { api, session: me } = useSignedIn();
  const { t } = useI18n();
  const item = session.agenda.find((entry) => entry.itemId === itemId);
  const caseId = item?.caseId ?? "";
  const [caseView] = useLoad(
    () => api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } }),
    [api, caseId, item?.heldAt],
  );
  if (!item) return <Paragraph>{t("common.notFound")}</Paragraph>;
  const view =
    caseView.state === "loaded" && caseView.value.view === "case" ? caseView.value : undefined;
  const { room, leaving } = roomOf(session, view);
  const chairs = me.roles.includes("chair") && session.chairOrganisationId === me.organisationId;
  return (
    <>
      <ScreenTitle title={t("run.title", { id: caseNumber(item.caseId) })} intro={item.question} />
      <Paragraph>
        <Link href={`/sessies/${session.sessionId}`} className="utrecht-link">
          {t("common.back")}: {t("sessions.session")}
        </Link>
      </Paragraph>
      <Room room={room} leaving={leaving} />
      {chairs && !item.heldAt && view && (
        <RecordItem sessionId={session.sessionId} itemId={itemId} room={room} done={reload} />
      )}
      {item.minutes && (
        <ItemMinutes
          sessionId={session.sessionId}
          item={item}
          minutes={item.minutes}
          chairs={chairs}
          done={reload}
        />
      )}
    </>
  );
}

export default function AgendaItemRun() {
  const { sessionId, itemId } = useParams<{ sessionId: string; itemId: string }>();
  const { api } = useSignedIn();
  const { loaded, reload } = useLiveLoad(
    () => api.GET("/v1/sessions/{sessionId}", { params: { path: { sessionId } } }),
    [api, sessionId],
  );
  return (
    <Load loaded={loaded}>
      {(session) => <Item session={session} itemId={itemId} reload={reload} />}
    </Load>
  );
}
