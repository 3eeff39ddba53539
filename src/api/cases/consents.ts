import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, createdSchema, presentWrite } from "./presenters/written.js";
import { caseParams, consentBody, consentParams } from "./schemas.js";

const consentRecorded = createdSchema("consentId", "ConsentRecorded");

/** Consent given by the young person or a parent, and its withdrawal. */
export function consentRoutes(deps: ResourceDeps): Route[] {
  const record = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/consents",
    summary: "Record consent given by the young person or a parent",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: caseParams,
    body: consentBody,
    responses: { 201: consentRecorded },
    problems: [...caseWriteProblems, "consent_refused"],
  }).handle(async (request) => {
    const { caseId } = request.params;
    const consentId = request.newId("consentId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "RecordConsent",
      consentId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, { consentId });
  });

  const withdraw = defineRoute({
    method: "delete",
    path: "/v1/cases/{caseId}/consents/{consentId}",
    summary: "Withdraw a consent",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: consentParams,
    responses: { 200: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, consentId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "WithdrawConsent",
      consentId,
    });
    return presentWrite(200, caseId, written, {});
  });

  return [record, withdraw];
}
