import type { ResourceDeps } from "../resources.js";
import { defineRoute, type Route } from "../route.js";
import { runCovenantCommand } from "./covenantCommands.js";
import { presentMember } from "./presenters.js";
import { covenantTags, covenantWriteProblems } from "./routeOptions.js";
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
  }).handle(async ({ params, body, caller, expectedRevision }) => {
    const { organisationId, name, partnerKind, privacyOfficer } = body;
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "AdmitMember",
        member: { organisationId, name, partnerKind, privacyOfficer },
      },
    );
    return {
      status: 201,
      body: presentMember(written.state.members[organisationId]!),
      etag: written.revision,
      position: written.position,
      location: `/v1/covenants/${params.covenantId}/members/${organisationId}`,
    };
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
  }).handle(async ({ params, caller, expectedRevision }) => {
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "WithdrawMember",
        organisationId: params.organisationId,
      },
    );
    return { status: 204, body: undefined, etag: written.revision, position: written.position };
  });

  return [admit, withdraw];
}
