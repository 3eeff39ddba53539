import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { caseParams, closureBody, reasonBody, retentionBody } from "./schemas.js";

/** Closing, reopening and keeping a closed case longer: decisions of the chair organisation. */
export function closureRoutes(deps: ResourceDeps): Route[] {
  const close = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/closure",
    summary: "Close the case with an outcome (chair)",
    description: "Open agreements must be completed or cancelled first. Retention starts now.",
    roles: ["chair"],
    params: caseParams,
    body: closureBody,
    status: 201,
    command: ({ body }) => ({ type: "CloseCase", ...body }),
  });

  const reopen = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/reopening",
    summary: "Reopen a closed case (chair)",
    roles: ["chair"],
    params: caseParams,
    body: reasonBody,
    status: 201,
    command: ({ body }) => ({ type: "ReopenCase", reason: body.reason }),
  });

  const extend = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/retention-extensions",
    summary: "Keep a closed case's data longer (chair or privacy officer of the chair)",
    roles: ["chair", "privacy-officer"],
    params: caseParams,
    body: retentionBody,
    status: 201,
    command: ({ body }) => ({ type: "ExtendRetention", ...body }),
  });

  return [close, reopen, extend];
}
