import { entryOf } from "../../domain/index.js";
import type { ThemeView, ThemeVisibility } from "../../privacy/policy/themeVisibility.js";
import { themeTrends } from "../../projections/themes/trends.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { documentResponse } from "../http/documentResponse.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { renderThemeOverviewPdf } from "./overviewPdf.js";
import { periodQuery, themeTrendsSchema } from "./schemas.js";
import { themeTags } from "./writes.js";

const monthOf = (instant: string) => instant.slice(0, 7);
const inPeriod = (month: string, query: { fromMonth?: string; toMonth?: string }) =>
  (!query.fromMonth || month >= query.fromMonth) && (!query.toMonth || month <= query.toMonth);

/** Theme counts, and the chair's newsletter overview of a period. */
export function themeOverviewRoutes(deps: ResourceDeps): Route[] {
  const trends = defineRoute({
    method: "get",
    path: "/v1/trends/themes",
    summary:
      "Themes per category, member school and month (apart from the young people of /v1/trends)",
    description:
      "Counts of themes the caller's organisation may know of. Themes are about phenomena, not persons, so no minimum cell size applies; they are never added to the counts of young people.",
    tags: ["trends"],
    roles: ["chair", "analyst"],
    query: periodQuery,
    responses: { 200: themeTrendsSchema },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const covenant = await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      (viewer, audited) => entryOf(audited.members, viewer.organisationId)?.status === "member",
      "Chairs and analysts of a current member only",
    );
    const known = deps.readModels.themes.knownTo(caller.organisationId, query.covenant);
    return {
      status: 200,
      body: { covenantId: query.covenant, cells: themeTrends(known, covenant, query) },
    };
  });

  const overview = defineRoute({
    method: "get",
    path: "/v1/theme-overview.pdf",
    summary: "A newsletter-ready overview of a period's themes, actions and trends as PDF (chair)",
    description:
      "Only themes open to the whole covenant (a newsletter reaches every member), raised in the period, with their decisions and collective actions, and the theme counts. Nothing in it is about a young person.",
    tags: themeTags,
    roles: ["chair"],
    query: periodQuery,
    responses: { 200: documentResponse("application/pdf", "The overview") },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const covenant = await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      (viewer, audited) => entryOf(audited.members, viewer.organisationId)?.status === "member",
      "Chairs of a current member only",
    );
    const { themes } = deps.readModels;
    const open = themes
      .list(caller, query.covenant)
      .filter(
        (v): v is Extract<ThemeVisibility, { kind: "theme" }> =>
          v.kind === "theme" && !v.restricted && v.view.status === "raised",
      )
      .map((v): ThemeView => v.view)
      .filter((view) => inPeriod(monthOf(view.raisedAt), query))
      .reverse();
    const everyone = themes
      .knownTo(caller.organisationId, query.covenant)
      .filter((theme) => theme.audience.kind === "covenant");
    const content = await renderThemeOverviewPdf({
      covenant,
      period: { fromMonth: query.fromMonth ?? null, toMonth: query.toMonth ?? null },
      themes: open,
      cells: themeTrends(everyone, covenant, query),
      producedAt: deps.now(),
    });
    const filename = `themas-${query.fromMonth ?? "begin"}-${query.toMonth ?? "nu"}.pdf`;
    return { status: 200, body: { content, filename } };
  });

  return [trends, overview];
}
