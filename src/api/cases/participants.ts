import { entryOf } from "../../domain/index.js";
import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { requireKnownCase } from "./caseCommands.js";
import { caseParams, inviteBody, joinBody, participantParams } from "./schemas.js";

/** Invitations, joining with a named contact, and leaving, declining or removing. */
export function participantRoutes(deps: ResourceDeps): Route[] {
  const invite = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/invitations",
    summary: "Invite a covenant partner to the case (chair)",
    roles: ["chair"],
    params: caseParams,
    body: inviteBody,
    status: 201,
    command: ({ body }) => ({
      type: "InvitePartner",
      organisationId: body.organisationId,
      message: body.message,
    }),
  });

  const join = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/participants",
    summary: "Join the case the caller's organisation was invited to",
    description: "The organisation comes from the token; the body names its contact person.",
    roles: ["professional", "chair"],
    params: caseParams,
    body: joinBody,
    status: 201,
    command: ({ body }) => ({ type: "JoinCase", contact: body.contact }),
  });

  const remove = caseCommandRoute(deps, {
    method: "delete",
    path: "/v1/cases/{caseId}/participants/{organisationId}",
    summary: "Leave, decline an invitation, or remove a participant",
    description:
      "For the caller's own organisation: declines an open invitation or leaves the case. For another organisation: the chair removes it or withdraws its invitation.",
    roles: ["professional", "chair"],
    params: participantParams,
    status: 200,
    async command({ caller, params }) {
      const { caseId, organisationId } = params;
      if (organisationId !== caller.organisationId)
        return { type: "RemovePartner", organisationId };
      const state = await requireKnownCase(deps, caller, caseId);
      const invited = entryOf(state.participants, organisationId)?.status === "invited";
      return invited ? { type: "DeclineInvitation" } : { type: "LeaveCase" };
    },
  });

  return [invite, join, remove];
}
