import { z } from "zod";
import { recordedRead } from "../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseListQuery, presentCaseRows } from "./caseListRows.js";
import { caseTags } from "./caseRouteDefaults.js";

const named = z.strictObject({ organisationId: z.string(), name: z.string().nullable() });
const caseRow = z.strictObject({
  view: z.literal("case"),
  caseId: z.string(),
  status: z.enum(["open", "closed"]),
  subject: z
    .strictObject({
      name: z.string().describe("Full name or initials, as the covenant chose (personal data)"),
      age: z.int().nullable(),
    })
    .nullable(),
  school: named.nullable().describe("The first school member organisation at the table"),
  openedAt: z.string().nullable(),
  urgency: z.enum(["low", "medium", "high"]).nullable().describe("The highest of its signals"),
  signalCategory: z.string().nullable().describe("The first signal's category"),
  latestSignalCategory: z.string().nullable(),
  chairOrganisationId: z.string(),
  regieOrganisationId: z.string().nullable(),
  nextMeeting: z.string().nullable(),
  openAgreements: z.int(),
  overdueAgreements: z.int(),
});
const invitationRow = z.strictObject({
  view: z.literal("invitation"),
  caseId: z.string(),
  signalCategory: z.string().nullable(),
  chairOrganisationId: z.string(),
});
const caseList = z
  .strictObject({ cases: z.array(z.discriminatedUnion("view", [caseRow, invitationRow])) })
  .meta({ id: "CaseList" });

/** GET /v1/cases: the cases the caller's organisation works on, and its open invitations. */
export function listCasesRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/cases",
    summary: "The caller's case list",
    description:
      "Open invitations first (unless a filter is given), then the cases the organisation participates in or chairs, newest first or by urgency. Each case row names the young person (full name or initials, as the covenant chose) and their age, so every row shown leaves a read record of the subject (rule 8). Honours Min-Position.",
    tags: caseTags,
    roles: ["professional", "chair"],
    query: caseListQuery,
    responses: { 200: caseList },
    problems: ["validation", "not_yet_consistent"],
  }).handle(async (request) => {
    const { caller, query } = request;
    const reading = caseWorkReading(deps, request);
    const rows = deps.readModels.caseList.query(caller, deps.now());
    const filtered = Object.entries(query).some(
      ([name, value]) => name !== "sort" && name !== "purposeOfUse" && value !== undefined,
    );
    const invitations = filtered
      ? []
      : rows.flatMap((row) =>
          row.access === "invitation"
            ? [
                {
                  view: "invitation" as const,
                  caseId: row.caseId,
                  signalCategory: row.signalCategory,
                  chairOrganisationId: row.chairOrganisationId,
                },
              ]
            : [],
        );
    const caseRows = await presentCaseRows(
      deps,
      rows.flatMap((row) => (row.access === "case" ? [row] : [])),
      query,
      caller.organisationId,
    );
    const items = new Map<string, string[]>();
    for (const row of invitations) items.set(row.caseId, [`invitation:${row.caseId}`]);
    // The name and age shown are the subject's: each row is a read of it (rule 8).
    for (const row of caseRows) {
      items.set(row.caseId, [`case:${row.caseId}`, ...(row.subject ? ["subject"] : [])]);
    }
    const cases = await recordedRead(deps.accessRecorder, reading, seenCases(deps, items), () => [
      ...invitations,
      ...caseRows,
    ]);
    return { status: 200, body: { cases } };
  });
}
