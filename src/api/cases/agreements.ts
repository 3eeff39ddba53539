import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, createdSchema, presentWrite } from "./presenters/written.js";
import { agreementBody, agreementParams, caseParams, reasonBody } from "./schemas.js";

const agreementMade = createdSchema("agreementId", "AgreementMade");

/** Agreements: the chair records them; the owning organisation (or the chair) completes them. */
export function agreementRoutes(deps: ResourceDeps): Route[] {
  const make = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/agreements",
    summary: "Record an agreement: what, which participant, by when (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: agreementBody,
    responses: { 201: agreementMade },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const agreementId = request.newId("agreementId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "MakeAgreement",
      agreementId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, { agreementId });
  });

  const complete = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/completion",
    summary: "Report an agreement done (owner or chair)",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: agreementParams,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, agreementId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "CompleteAgreement",
      agreementId,
    });
    return presentWrite(201, caseId, written, {});
  });

  const cancel = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/cancellation",
    summary: "Cancel an agreement, with a reason (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: agreementParams,
    body: reasonBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, agreementId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "CancelAgreement",
      agreementId,
      reason: request.body.reason,
    });
    return presentWrite(201, caseId, written, {});
  });

  return [make, complete, cancel];
}
