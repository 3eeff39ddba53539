import { z } from "zod";
import { recordedRead } from "../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseTags } from "./caseRouteDefaults.js";

const caseRow = z.strictObject({
  view: z.literal("case"),
  caseId: z.string(),
  status: z.enum(["open", "closed"]),
  signalCategory: z.string().nullable(),
  chairOrganisationId: z.string(),
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
      "Open invitations first, then the cases the organisation participates in or chairs. Honours Min-Position.",
    tags: caseTags,
    roles: ["professional", "chair"],
    responses: { 200: caseList },
    problems: ["not_yet_consistent"],
  }).handle(async ({ caller, requestId }) => {
    const rows = deps.readModels.caseList.query(caller, deps.now());
    const items = new Map(
      rows.map((row) => [
        row.caseId,
        [`${row.access === "case" ? "case" : "invitation"}:${row.caseId}`],
      ]),
    );
    const reading = caseWorkReading(deps, { caller, requestId });
    const cases = await recordedRead(deps.accessRecorder, reading, seenCases(deps, items), () =>
      rows.map((row) =>
        row.access === "invitation"
          ? {
              view: "invitation" as const,
              caseId: row.caseId,
              signalCategory: row.signalCategory,
              chairOrganisationId: row.chairOrganisationId,
            }
          : {
              view: "case" as const,
              caseId: row.caseId,
              status: row.status,
              signalCategory: row.signalCategory,
              chairOrganisationId: row.chairOrganisationId,
              nextMeeting: row.nextMeeting,
              openAgreements: row.openAgreements,
              overdueAgreements: row.overdueAgreements,
            },
      ),
    );
    return { status: 200, body: { cases } };
  });
}
