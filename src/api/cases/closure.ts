import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, presentWrite } from "./presenters/written.js";
import { caseParams, closureBody, reasonBody, retentionBody } from "./schemas.js";

/** Closing, reopening and keeping a closed case longer: decisions of the chair organisation. */
export function closureRoutes(deps: ResourceDeps): Route[] {
  const close = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/closure",
    summary: "Close the case with an outcome (chair)",
    description: "Open agreements must be completed or cancelled first. Retention starts now.",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: closureBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "CloseCase",
      ...request.body,
    });
    return presentWrite(201, caseId, written, {});
  });

  const reopen = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/reopening",
    summary: "Reopen a closed case (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: reasonBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "ReopenCase",
      reason: request.body.reason,
    });
    return presentWrite(201, caseId, written, {});
  });

  const extend = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/retention-extensions",
    summary: "Keep a closed case's data longer (chair or privacy officer of the chair)",
    tags: caseTags,
    roles: ["chair", "privacy-officer"],
    params: caseParams,
    body: retentionBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "ExtendRetention",
      ...request.body,
    });
    return presentWrite(201, caseId, written, {});
  });

  return [close, reopen, extend];
}
