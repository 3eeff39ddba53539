import { entryOf } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { answerWrite, runCovenantCommand } from "./covenantCommands.js";
import { covenantTags, covenantWriteProblems } from "./covenantRouteDefaults.js";
import { presentMember } from "./presenters.js";
import { admitBody, covenantParams, memberParams, memberView } from "./schemas.js";

/** Members come and go by an admin of the chair organisation. */
export function membershipRoutes(deps: ResourceDeps): Route[] {
  const admit = defineRoute({
    method: "post",
    path: "/v1/covenants/{covenantId}/members",
    summary: "Admit a member organisation",
    tags: covenantTags,
    roles: ["admin"],
    params: covenantParams,
    body: admitBody,
    responses: { 201: memberView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { params, body } = request;
    const { organisationId, name, partnerKind, privacyOfficer } = body;
    const written = await runCovenantCommand(deps, request, params.covenantId, {
      type: "AdmitMember",
      member: { organisationId, name, partnerKind, privacyOfficer },
    });
    const member = presentMember(entryOf(written.state.members, organisationId)!);
    const location = `/v1/covenants/${params.covenantId}/members/${organisationId}`;
    return answerWrite(201, written, member, location);
  });

  const withdraw = defineRoute({
    method: "delete",
    path: "/v1/covenants/{covenantId}/members/{organisationId}",
    summary: "Withdraw a member organisation",
    description: "The chair organisation cannot withdraw: without it no one runs the covenant.",
    tags: covenantTags,
    roles: ["admin"],
    params: memberParams,
    responses: { 204: null },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { covenantId, organisationId } = request.params;
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "WithdrawMember",
      organisationId,
    });
    return answerWrite(204, written, undefined);
  });

  return [admit, withdraw];
}
