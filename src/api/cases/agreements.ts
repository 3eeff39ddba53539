import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { createdSchema } from "./presenters/written.js";
import { agreementBody, agreementParams, caseParams, reasonBody } from "./schemas.js";

const agreementMade = createdSchema("agreementId", "AgreementMade");

/** Agreements: the chair records them; the owning organisation (or the chair) completes them. */
export function agreementRoutes(deps: ResourceDeps): Route[] {
  const make = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements",
    summary: "Record an agreement: what, which participant, by when (chair)",
    roles: ["chair"],
    params: caseParams,
    body: agreementBody,
    status: 201,
    creates: { idField: "agreementId", schema: agreementMade },
    command: ({ body }, agreementId) => ({ type: "MakeAgreement", agreementId, ...body }),
  });

  const complete = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/completion",
    summary: "Report an agreement done (owner or chair)",
    roles: ["professional", "chair"],
    params: agreementParams,
    status: 201,
    command: ({ params }) => ({ type: "CompleteAgreement", agreementId: params.agreementId }),
  });

  const cancel = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/cancellation",
    summary: "Cancel an agreement, with a reason (chair)",
    roles: ["chair"],
    params: agreementParams,
    body: reasonBody,
    status: 201,
    command: ({ params, body }) => ({
      type: "CancelAgreement",
      agreementId: params.agreementId,
      reason: body.reason,
    }),
  });

  return [make, complete, cancel];
}
