import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { createdSchema } from "./presenters/written.js";
import { caseParams, consentBody, consentParams } from "./schemas.js";

const consentRecorded = createdSchema("consentId", "ConsentRecorded");

/** Consent given by the young person or a parent, and its withdrawal. */
export function consentRoutes(deps: ResourceDeps): Route[] {
  const record = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/consents",
    summary:
      "Record consent given by the young person, a parent or a guardian (the obtaining organisation)",
    roles: ["professional", "chair"],
    params: caseParams,
    body: consentBody,
    status: 201,
    creates: { idField: "consentId", schema: consentRecorded },
    moreProblems: ["consent_refused"],
    command: ({ body }, consentId) => ({ type: "RecordConsent", consentId, ...body }),
  });

  const withdraw = caseCommandRoute(deps, {
    method: "delete",
    path: "/v1/cases/{caseId}/consents/{consentId}",
    summary: "Withdraw a consent (the organisation that obtained it)",
    roles: ["professional", "chair"],
    params: consentParams,
    status: 200,
    command: ({ params }) => ({ type: "WithdrawConsent", consentId: params.consentId }),
  });

  return [record, withdraw];
}
