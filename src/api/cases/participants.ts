import { entryOf } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { requireKnownCase, runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, presentWrite } from "./presenters/written.js";
import { caseParams, inviteBody, joinBody, participantParams } from "./schemas.js";

/** Invitations, joining with a named contact, and leaving, declining or removing. */
export function participantRoutes(deps: ResourceDeps): Route[] {
  const invite = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/invitations",
    summary: "Invite a covenant partner to the case (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: inviteBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "InvitePartner",
      organisationId: request.body.organisationId,
      message: request.body.message,
    });
    return presentWrite(201, caseId, written, {});
  });

  const join = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/participants",
    summary: "Join the case the caller's organisation was invited to",
    description: "The organisation comes from the token; the body names its contact person.",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: caseParams,
    body: joinBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "JoinCase",
      contact: request.body.contact,
    });
    return presentWrite(201, caseId, written, {});
  });

  const remove = defineRoute({
    method: "delete",
    path: "/v1/cases/{caseId}/participants/{organisationId}",
    summary: "Leave, decline an invitation, or remove a participant",
    description:
      "For the caller's own organisation: declines an open invitation or leaves the case. For another organisation: the chair removes it or withdraws its invitation.",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: participantParams,
    responses: { 200: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, organisationId } = request.params;
    const own = organisationId === request.caller.organisationId;
    let fields: Parameters<typeof runCaseCommand>[3] = { type: "RemovePartner", organisationId };
    if (own) {
      const state = await requireKnownCase(deps, request.caller, caseId);
      const invited = entryOf(state.participants, organisationId)?.status === "invited";
      fields = invited ? { type: "DeclineInvitation" } : { type: "LeaveCase" };
    }
    const written = await runCaseCommand(deps, request, caseId, fields);
    return presentWrite(200, caseId, written, {});
  });

  return [invite, join, remove];
}
