import { NotFound } from "../../domain/index.js";
import type { ThemeVisibility } from "../../privacy/policy/themeVisibility.js";
import { openActions } from "../../projections/themes/actions.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { purposeOfUseQuery } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";
import { presentTheme, recordedThemes, seenThemes } from "./presenters.js";
import {
  openActionsSchema,
  themeListQuery,
  themeListSchema,
  themeParams,
  themeViewSchema,
} from "./schemas.js";
import { themeTags } from "./writes.js";

type Shown = Extract<ThemeVisibility, { kind: "theme" }>;
const isShown = (visible: ThemeVisibility): visible is Shown => visible.kind === "theme";
const recorded =
  " A read of a theme restricted to named members is recorded in the access log before the answer leaves.";

export function themeReadRoutes(deps: ResourceDeps): Route[] {
  const list = defineRoute({
    method: "get",
    path: "/v1/themes",
    summary: "The covenant's themes the caller's organisation may see, latest first",
    description: `Themes open to the whole covenant, and those restricted to members the caller's organisation is among.${recorded}`,
    tags: themeTags,
    roles: ["professional", "chair"],
    query: themeListQuery,
    responses: { 200: themeListSchema },
    problems: ["not_yet_consistent"],
  }).handle(async (request) => {
    const shown = deps.readModels.themes
      .list(request.caller, request.query.covenant)
      .filter(isShown);
    const body = await recordedThemes(deps, request, seenThemes(shown), () => ({
      themes: shown.map(({ view }) => presentTheme(deps, request.caller, view)),
    }));
    return { status: 200, body };
  });

  const read = defineRoute({
    method: "get",
    path: "/v1/themes/{themeId}",
    summary: "One theme, with its werkgroep discussions and collective actions",
    description: `For an organisation outside the theme's audience it does not exist (404). Once it became a case it keeps only the link.${recorded}`,
    tags: themeTags,
    roles: ["professional", "chair"],
    params: themeParams,
    query: purposeOfUseQuery,
    responses: { 200: themeViewSchema },
    problems: ["not_found", "not_yet_consistent"],
  }).handle(async (request) => {
    const { themes } = deps.readModels;
    const visible = themes.query(request.params.themeId, request.caller);
    if (!isShown(visible)) throw new NotFound("theme-exists", request.params.themeId);
    const body = await recordedThemes(deps, request, seenThemes([visible]), () =>
      presentTheme(deps, request.caller, visible.view),
    );
    const revision = themes.revisionOf(request.params.themeId);
    return { status: 200, body, ...(revision < 0 ? {} : { etag: revision }) };
  });

  const actions = defineRoute({
    method: "get",
    path: "/v1/collective-actions",
    summary:
      "Open collective actions: the caller's organisation's own, for a chair every one of its covenants",
    description: `Overdue first, then by due date, like agreements.${recorded}`,
    tags: themeTags,
    roles: ["professional", "chair"],
    query: purposeOfUseQuery,
    responses: { 200: openActionsSchema },
    problems: ["not_yet_consistent"],
  }).handle(async (request) => {
    const { caller } = request;
    const { themes } = deps.readModels;
    const chairs = caller.roles.includes("chair");
    const rows = openActions(
      themes.visibleTo(caller),
      deps.now(),
      (action, theme) =>
        action.ownerOrganisationId === caller.organisationId ||
        (chairs && themes.covenantOf(theme.themeId)?.chairOrganisationId === caller.organisationId),
    );
    const restricted = rows.filter((row) => row.restricted);
    const seen = [...new Set(restricted.map((row) => row.theme))].map((theme) => ({
      themeId: theme.themeId,
      covenantId: theme.covenantId,
      itemIds: restricted.filter((r) => r.theme === theme).map((r) => `action:${r.actionId}`),
    }));
    const body = await recordedThemes(deps, request, seen, () => ({
      actions: rows.map((row) => ({
        themeId: row.theme.themeId,
        covenantId: row.theme.covenantId,
        actionId: row.actionId,
        what: row.what,
        ownerOrganisationId: row.ownerOrganisationId,
        dueDate: row.dueDate,
        overdue: row.overdue,
      })),
    }));
    return { status: 200, body };
  });

  return [list, actions, read];
}
