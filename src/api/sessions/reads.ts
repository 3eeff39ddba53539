import { type Actor, NotFound } from "../../domain/index.js";
import type { SessionView } from "../../privacy/policy/sessionVisibility.js";
import { recordedRead } from "../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { purposeOfUseQuery } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";
import { sessionListSchema, sessionParams, sessionViewSchema } from "./schemas.js";
import { sessionTags } from "./writes.js";

const header = (view: SessionView) => ({
  sessionId: view.sessionId ?? "",
  covenantId: view.covenantId ?? "",
  chairOrganisationId: view.chairOrganisationId ?? "",
  status: view.status === "none" ? ("planned" as const) : view.status,
  startsAt: view.startsAt,
  endsAt: view.endsAt,
  location: view.location,
  videoLink: view.videoLink,
  plannedOrganisationIds: [...view.plannedOrganisationIds],
  rescheduleReason: view.rescheduleReason,
  cancelReason: view.cancelReason,
  heldAt: view.heldAt,
  legacy: view.legacy,
});

/** The themes on the session's agenda that the viewer may see, by the themes policy; ids only. */
function themesOnAgenda(deps: ResourceDeps, viewer: Actor, sessionId: string | null) {
  return deps.readModels.themes
    .visibleTo(viewer)
    .flatMap((visible) =>
      visible.kind === "theme" && sessionId !== null && visible.view.sessionIds.includes(sessionId)
        ? [{ themeId: visible.view.themeId, link: `/v1/themes/${visible.view.themeId}` }]
        : [],
    );
}

/** A session as the caller may see it: its header, the agenda items of cases it has, its themes. */
function presentSession(deps: ResourceDeps, view: SessionView, viewer: Actor) {
  const { caseView } = deps.readModels;
  return {
    ...header(view),
    agenda: view.agenda.map((item) => ({
      itemId: item.itemId,
      caseId: item.caseId,
      question: item.question,
      heldAt: item.heldAt,
      attendees: item.attendees.map((a) => ({ ...a })),
      minutes:
        item.minutes === null
          ? null
          : {
              ...item.minutes,
              decisions: [...item.minutes.decisions],
              corrections: item.minutes.corrections.map((c) => ({ ...c })),
              addenda: item.minutes.addenda.map((a) => ({ ...a })),
            },
      caseRevision: caseView.revisionOf(item.caseId),
    })),
    themes: themesOnAgenda(deps, viewer, view.sessionId),
  };
}

export function sessionReadRoutes(deps: ResourceDeps): Route[] {
  const read = defineRoute({
    method: "get",
    path: "/v1/sessions/{sessionId}",
    summary: "The caller's view of one session",
    description:
      "The chair organisation, the planned organisations and the items' attendees see the session; each sees only the agenda items of cases it has (rule 1), and an item's minutes only if it attended that item (rule 4). For everyone else the session does not exist (404). A case meeting from before sessions is shown as a one-item session with the meeting's id. Every read is recorded in the access log before the answer leaves.",
    tags: sessionTags,
    roles: ["professional", "chair"],
    params: sessionParams,
    query: purposeOfUseQuery,
    responses: { 200: sessionViewSchema },
    problems: ["not_found", "not_yet_consistent"],
  }).handle(async (request) => {
    const { params, caller } = request;
    const { sessions } = deps.readModels;
    const visible = sessions.query(params.sessionId, caller);
    if (visible.kind === "none") throw new NotFound("session-exists", params.sessionId);
    const revision = sessions.revisionOf(params.sessionId);
    const body = await recordedRead(
      deps.accessRecorder,
      caseWorkReading(deps, request),
      seenCases(deps, visible.seen),
      () => presentSession(deps, visible.view, caller),
    );
    return { status: 200, body, ...(revision < 0 ? {} : { etag: revision }) };
  });

  const list = defineRoute({
    method: "get",
    path: "/v1/sessions",
    summary: "The sessions the caller's organisation takes part in, upcoming first",
    description:
      "Headers and the ids of the agenda items the caller may see; no questions or minutes (read a session for those).",
    tags: sessionTags,
    roles: ["professional", "chair"],
    responses: { 200: sessionListSchema },
    problems: ["not_yet_consistent"],
  }).handle(async ({ caller }) => {
    const shown = deps.readModels.sessions.list(caller, deps.now());
    const sessions = shown.flatMap((visible) =>
      visible.kind === "session"
        ? [
            {
              ...header(visible.view),
              agenda: visible.view.agenda.map(({ itemId, caseId }) => ({ itemId, caseId })),
            },
          ]
        : [],
    );
    return { status: 200, body: { sessions } };
  });

  return [list, read];
}
