import { z } from "zod";
import { recordedRead } from "../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { purposeOfUseField } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";

const agreementDue = z.strictObject({
  caseId: z.string(),
  agreementId: z.string(),
  what: z.string(),
  ownerOrganisationId: z.string(),
  dueDate: z.string().describe("YYYY-MM-DD"),
  overdue: z.boolean(),
});
const agreementsDue = z
  .strictObject({ agreements: z.array(agreementDue) })
  .meta({ id: "AgreementsDue" });

/** GET /v1/agreements: what the caller's organisation owes across its cases (a chair: all it chairs). */
export function agreementsDueRoutes(deps: ResourceDeps): Route[] {
  const list = defineRoute({
    method: "get",
    path: "/v1/agreements",
    summary: "Open or overdue agreements of the caller's organisation, across cases",
    description: "Overdue first, then by due date. `status=overdue` keeps only the overdue ones.",
    tags: ["agreements"],
    roles: ["professional", "chair"],
    query: z.object({
      status: z.enum(["open", "overdue"]).default("open"),
      ...purposeOfUseField,
    }),
    responses: { 200: agreementsDue },
    problems: ["not_yet_consistent"],
  }).handle(async (request) => {
    const { query, caller } = request;
    const reading = caseWorkReading(deps, request);
    const rows = deps.readModels.agreementsDue.query(caller, deps.now(), query.status);
    const items = new Map<string, string[]>();
    for (const row of rows) {
      const ids = items.get(row.caseId) ?? [];
      ids.push(`agreement:${row.agreementId}`);
      items.set(row.caseId, ids);
    }
    const agreements = await recordedRead(
      deps.accessRecorder,
      reading,
      seenCases(deps, items),
      () =>
        rows.map((row) => ({
          caseId: row.caseId,
          agreementId: row.agreementId,
          what: row.what,
          ownerOrganisationId: row.ownerOrganisationId,
          dueDate: row.dueDate,
          overdue: row.overdue,
        })),
    );
    return { status: 200, body: { agreements } };
  });
  return [list];
}
