import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { answerWrite, runCovenantCommand } from "./covenantCommands.js";
import { covenantTags, covenantWriteProblems } from "./covenantRouteDefaults.js";
import { requireMemberView } from "./memberView.js";
import { presentCovenant } from "./presenters.js";
import { covenantParams, covenantView, establishBody } from "./schemas.js";

export function covenantRoutes(deps: ResourceDeps): Route[] {
  const establish = defineRoute({
    method: "post",
    path: "/v1/covenants",
    summary: "Establish a covenant, chaired by the caller's organisation",
    description:
      "An admin of the organisation that will chair establishes the covenant; the chair is its first member.",
    tags: covenantTags,
    roles: ["admin"],
    body: establishBody,
    responses: { 201: covenantView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { body, caller } = request;
    // Always generated: a client-chosen id that is taken would tell a stranger it exists.
    const covenantId = request.newId("covenantId");
    const chair = { ...body.chair, organisationId: caller.organisationId };
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "EstablishCovenant",
      name: body.name,
      chair,
    });
    const location = `/v1/covenants/${covenantId}`;
    return answerWrite(201, written, presentCovenant(written.state), location);
  });

  const read = defineRoute({
    method: "get",
    path: "/v1/covenants/{covenantId}",
    summary: "The covenant: members, purposes with retention, sharing rules",
    description:
      "Readable by every role of a member organisation; for anyone else it does not exist.",
    tags: covenantTags,
    params: covenantParams,
    responses: { 200: covenantView },
    problems: ["not_found"],
  }).handle(async ({ params, caller }) => {
    const covenant = await requireMemberView(deps, caller, params.covenantId);
    return { status: 200, body: presentCovenant(covenant.state), etag: covenant.revision };
  });

  return [establish, read];
}
