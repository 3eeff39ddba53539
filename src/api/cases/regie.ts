import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { caseParams, regieBody } from "./schemas.js";

/** PUT /v1/cases/{caseId}/regie: the chair hands regie to a joined participant. */
export function regieRoute(deps: ResourceDeps): Route {
  return caseCommandRoute(deps, {
    method: "put",
    path: "/v1/cases/{caseId}/regie",
    summary: "Assign regie to a participant (chair)",
    roles: ["chair"],
    params: caseParams,
    body: regieBody,
    status: 200,
    command: ({ body }) => ({ type: "AssignRegie", organisationId: body.organisationId }),
  });
}
