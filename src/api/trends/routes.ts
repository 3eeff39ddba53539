import { z } from "zod";
import { mayViewTrends, TRENDS_MIN_CELL } from "../../privacy/policy/audit.js";
import type { TrendsReport } from "../../projections/trends/trends.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";

const month = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");

const trendsQuery = z.object({
  covenant: z.uuid(),
  fromMonth: month.optional().describe("First month, inclusive"),
  toMonth: month.optional().describe("Last month, inclusive"),
  category: z.string().max(64).optional().describe("A signal category id"),
});

const cell = z.strictObject({
  category: z.string(),
  school: z
    .string()
    .nullable()
    .describe(
      "The member organisation that is the school in these cases; null when none took part",
    ),
  schoolName: z.string().nullable(),
  month: z.string(),
  count: z.int().min(TRENDS_MIN_CELL).describe("Different young people, never signals"),
});

export const trendsView = z
  .strictObject({ covenantId: z.string(), minimumCount: z.int(), cells: z.array(cell) })
  .meta({
    id: "Trends",
    description:
      "Young people per signal category, member school and month. A cell below the minimum is left out entirely; no totals are given, so none can be derived.",
  });

function presentTrends(report: TrendsReport): z.input<typeof trendsView> {
  return {
    covenantId: report.covenantId,
    minimumCount: report.minimumCount,
    cells: report.cells.map((entry) => ({
      category: entry.category,
      school: entry.school,
      schoolName: entry.schoolName,
      month: entry.month,
      count: entry.count,
    })),
  };
}

/** Rule 7: counts for chairs and policy analysts of a member organisation. */
export function trendsRoutes(deps: ResourceDeps): Route[] {
  const trends = defineRoute({
    method: "get",
    path: "/v1/trends",
    summary: "Young people per signal category, member school and month (cells below 5 left out)",
    tags: ["trends"],
    roles: ["chair", "analyst"],
    query: trendsQuery,
    responses: { 200: trendsView },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const covenant = await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      mayViewTrends,
      "Chairs and analysts of a current member only",
    );
    const { fromMonth, toMonth, category } = query;
    const report = deps.readModels.trends.trends(caller, covenant, {
      fromMonth,
      toMonth,
      category,
    });
    return { status: 200, body: presentTrends(report) };
  });
  return [trends];
}
