import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, presentWrite } from "./presenters/written.js";
import { caseParams, regieBody } from "./schemas.js";

/** PUT /v1/cases/{caseId}/regie: the chair hands regie to a joined participant. */
export function regieRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "put",
    path: "/v1/cases/{caseId}/regie",
    summary: "Assign regie to a participant (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: regieBody,
    responses: { 200: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "AssignRegie",
      organisationId: request.body.organisationId,
    });
    return presentWrite(200, caseId, written, {});
  });
}
