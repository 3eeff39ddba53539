import { activeMember } from "../covenant/state.js";
import { Conflict, NotFound, OrganisationNotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import type {
  AssignRegie,
  DeclineInvitation,
  InvitePartner,
  JoinCase,
  LeaveCase,
  RemovePartner,
} from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import {
  requireCase,
  requireChair,
  requireContact,
  requireCovenantOf,
  requireJoined,
  requireOpenCase,
  requireParticipantEntry,
  requireRole,
} from "./guards.js";
import type { CaseState } from "./state.js";

export function invitePartner(
  command: InvitePartner,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireCovenantOf(open, context);
  requireChair(command.actor, open);
  const { organisationId } = command;
  if (!activeMember(context.covenant, organisationId)) {
    throw new NotFound("member-exists", organisationId);
  }
  const status = entryOf(open.participants, organisationId)?.status;
  if (status === "invited" || status === "joined")
    throw new Conflict("already-participant", organisationId);
  const { caseId, subjectId } = open;
  return [
    {
      type: "PartnerInvited",
      data: {
        caseId,
        subjectId,
        organisationId,
        message: command.message ?? "",
        invitedAt: command.now,
      },
    },
  ];
}

/** Only the invited organisation joins, and it names its contact ("namen en rugnummers"). */
export function joinCase(command: JoinCase, state: CaseState, context: CaseContext): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireCovenantOf(open, context);
  const { organisationId } = command.actor;
  requireRole(command.actor, "join-role", "professional", "chair");
  if (entryOf(open.participants, organisationId)?.status !== "invited") {
    throw new OrganisationNotPermitted("invited-only", organisationId);
  }
  if (!activeMember(context.covenant, organisationId)) {
    throw new OrganisationNotPermitted("covenant-member", organisationId);
  }
  const contact = requireContact(command.contact);
  const { caseId, subjectId } = open;
  return [
    {
      type: "PartnerJoined",
      data: { caseId, subjectId, organisationId, contact, joinedAt: command.now },
    },
  ];
}

export function declineInvitation(command: DeclineInvitation, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const { organisationId } = command.actor;
  requireRole(command.actor, "decline-role", "professional", "chair");
  if (entryOf(open.participants, organisationId)?.status !== "invited") {
    throw new OrganisationNotPermitted("invited-only", organisationId);
  }
  const { caseId, subjectId } = open;
  return [
    {
      type: "InvitationDeclined",
      data: { caseId, subjectId, organisationId, declinedAt: command.now },
    },
  ];
}

export function leaveCase(command: LeaveCase, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  const { organisationId } = command.actor;
  requireRole(command.actor, "leave-role", "professional", "chair");
  requireJoined(existing, organisationId, "participant-only");
  const { caseId, subjectId } = existing;
  return [
    { type: "PartnerLeft", data: { caseId, subjectId, organisationId, leftAt: command.now } },
  ];
}

/** The chair removes a participant or withdraws an open invitation. */
export function removePartner(command: RemovePartner, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const { organisationId } = command;
  const { status } = requireParticipantEntry(open, organisationId);
  if (status !== "invited" && status !== "joined")
    throw new Conflict("not-participant", organisationId);
  const { caseId, subjectId } = open;
  return [
    { type: "PartnerRemoved", data: { caseId, subjectId, organisationId, removedAt: command.now } },
  ];
}

export function assignRegie(command: AssignRegie, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const { organisationId } = command;
  if (requireParticipantEntry(open, organisationId).status !== "joined") {
    throw new Conflict("regie-participant", organisationId);
  }
  const { caseId, subjectId } = open;
  return [
    { type: "RegieAssigned", data: { caseId, subjectId, organisationId, assignedAt: command.now } },
  ];
}
