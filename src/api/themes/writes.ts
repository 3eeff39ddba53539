import { commandWriteProblems } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import {
  actionOutcomeBody,
  actionParams,
  actionProgressBody,
  collectiveActionBody,
  raiseThemeBody,
  themeAgendaBody,
  themeDiscussionBody,
  themeParams,
  themeWrittenSchema,
} from "./schemas.js";
import { answer, runThemeCommand } from "./themeCommands.js";

export const themeTags = ["themes"] as const;
const common = { tags: themeTags, problems: commandWriteProblems } as const;

/** Themes are raised by partners, discussed by the werkgroep, and followed up by collective actions. */
export function themeWriteRoutes(deps: ResourceDeps): Route[] {
  const raise = defineRoute({
    ...common,
    roles: ["professional", "chair"],
    method: "post",
    path: "/v1/themes",
    summary: "Raise a theme: a signal about a phenomenon, not about a young person",
    description:
      "For the covenant's members by default, or only the members named. The text is the raiser's responsibility: a field that identifies a person is refused (400, naming it), and so is a number in the text that passes the BSN elfproef (422 `theme-bsn`).",
    body: raiseThemeBody,
    responses: { 201: themeWrittenSchema },
  }).handle(async (request) => {
    const themeId = request.newId("themeId");
    const { audience, places, ...fields } = request.body;
    const written = await runThemeCommand(deps, request, themeId, {
      type: "RaiseTheme",
      ...fields,
      places: { organisationIds: places.organisationIds, area: places.area ?? null },
      audience:
        audience.kind === "covenant" && (audience.organisationIds ?? []).length === 0
          ? { kind: "covenant", organisationIds: [] }
          : { kind: "members", organisationIds: audience.organisationIds ?? [] },
    });
    return answer(201, themeId, written, {}, `/v1/themes/${themeId}`);
  });

  const agenda = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/themes/{themeId}/agenda",
    summary: "Put the theme on the agenda of a werkgroep session the caller chairs (chair)",
    params: themeParams,
    body: themeAgendaBody,
    responses: { 200: themeWrittenSchema },
  }).handle(async (request) => {
    const { themeId } = request.params;
    const written = await runThemeCommand(deps, request, themeId, {
      type: "PutThemeOnAgenda",
      ...request.body,
    });
    return answer(200, themeId, written, {});
  });

  const discussion = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/themes/{themeId}/discussions",
    summary: "Record the session's minutes and decisions on the theme (chair)",
    params: themeParams,
    body: themeDiscussionBody,
    responses: { 200: themeWrittenSchema },
  }).handle(async (request) => {
    const { themeId } = request.params;
    const written = await runThemeCommand(deps, request, themeId, {
      type: "RecordThemeDiscussion",
      ...request.body,
    });
    return answer(200, themeId, written, {});
  });

  const agree = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/themes/{themeId}/actions",
    summary: "Record a collective action: an owner organisation, what, and by when (chair)",
    description:
      "Agreed at a werkgroep session with the theme on its agenda, or by the covenant's chair between sessions. The owner must be a member that may see the theme; the action appears in its worklist.",
    params: themeParams,
    body: collectiveActionBody,
    responses: { 201: themeWrittenSchema },
  }).handle(async (request) => {
    const { themeId } = request.params;
    const actionId = request.newId("actionId");
    const written = await runThemeCommand(deps, request, themeId, {
      type: "AgreeCollectiveAction",
      actionId,
      ...request.body,
      sessionId: request.body.sessionId ?? null,
    });
    return answer(201, themeId, written, { actionId });
  });

  const progress = defineRoute({
    ...common,
    roles: ["professional", "chair"],
    method: "post",
    path: "/v1/themes/{themeId}/actions/{actionId}/progress",
    summary: "Note progress on a collective action (its owner organisation)",
    params: actionParams,
    body: actionProgressBody,
    responses: { 200: themeWrittenSchema },
  }).handle(async (request) => {
    const { themeId, actionId } = request.params;
    const written = await runThemeCommand(deps, request, themeId, {
      type: "NoteActionProgress",
      actionId,
      ...request.body,
    });
    return answer(200, themeId, written, { actionId });
  });

  const complete = defineRoute({
    ...common,
    roles: ["professional", "chair"],
    method: "post",
    path: "/v1/themes/{themeId}/actions/{actionId}/complete",
    summary: "Complete a collective action with its outcome (its owner organisation)",
    params: actionParams,
    body: actionOutcomeBody,
    responses: { 200: themeWrittenSchema },
  }).handle(async (request) => {
    const { themeId, actionId } = request.params;
    const written = await runThemeCommand(deps, request, themeId, {
      type: "CompleteCollectiveAction",
      actionId,
      ...request.body,
    });
    return answer(200, themeId, written, { actionId });
  });

  return [raise, agenda, discussion, agree, progress, complete];
}
