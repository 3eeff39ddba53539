import { hasRole } from "../actor.js";
import { activeMember } from "../covenant/state.js";
import { compareInstants, isInstant } from "../dates.js";
import {
  Conflict,
  InvalidCommand,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { requireText } from "../text.js";
import type { CancelSession, PlanSession, RescheduleSession } from "./commands.js";
import type { SessionEvent } from "./events.js";
import { type ExistingSession, isRecorded, requireAhead, type SessionContext } from "./guards.js";
import type { SessionState } from "./state.js";

function requireTimes(startsAt: unknown, endsAt: unknown): void {
  if (!isInstant(startsAt)) throw new InvalidCommand("session-time", String(startsAt));
  if (!isInstant(endsAt) || compareInstants(startsAt, endsAt as string) >= 0) {
    throw new InvalidCommand("session-time", String(endsAt));
  }
}

const optionalText = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

/**
 * A chair of a covenant member organisation plans a session it will chair, at a place or
 * behind a video link, with partner organisations that are members of that covenant.
 */
export function planSession(
  command: PlanSession,
  state: SessionState,
  context: SessionContext,
): SessionEvent[] {
  const { actor, covenantId, sessionId } = command;
  if (!hasRole(actor, "chair")) throw new NotPermitted("chair-only", "chair");
  if (
    context.covenant.covenantId !== covenantId ||
    !activeMember(context.covenant, actor.organisationId)
  ) {
    throw new OrganisationNotPermitted("covenant-member", actor.organisationId);
  }
  if (state.status !== "none") throw new Conflict("session-id-taken", sessionId);
  requireTimes(command.startsAt, command.endsAt);
  const location = optionalText(command.location);
  const videoLink = optionalText(command.videoLink);
  if (location === null && videoLink === null) throw new InvalidCommand("session-place");
  const planned = [...new Set(command.plannedOrganisationIds)];
  for (const organisationId of planned) {
    if (!activeMember(context.covenant, organisationId)) {
      throw new Conflict("planned-member", organisationId);
    }
  }
  return [
    {
      type: "SessionPlanned",
      data: {
        sessionId,
        covenantId,
        chairOrganisationId: actor.organisationId,
        startsAt: command.startsAt,
        endsAt: command.endsAt,
        location,
        videoLink,
        plannedOrganisationIds: planned,
        plannedAt: command.now,
      },
    },
  ];
}

export function rescheduleSession(
  command: RescheduleSession,
  session: ExistingSession,
): SessionEvent[] {
  requireAhead(session);
  requireTimes(command.startsAt, command.endsAt);
  const reason = requireText(command.reason, "session-reason");
  return [
    {
      type: "SessionRescheduled",
      data: {
        sessionId: session.sessionId,
        startsAt: command.startsAt,
        endsAt: command.endsAt,
        reason,
        rescheduledAt: command.now,
      },
    },
  ];
}

/** A session some item of which was already recorded did meet: it cannot be cancelled. */
export function cancelSession(
  command: CancelSession,
  session: ExistingSession,
  context: SessionContext,
): SessionEvent[] {
  requireAhead(session);
  const reason = requireText(command.reason, "session-reason");
  const recorded = session.agenda.find((item) => isRecorded(context, item.caseId, item.itemId));
  if (recorded) throw new Conflict("agenda-item-recorded", recorded.itemId);
  return [
    {
      type: "SessionCancelled",
      data: { sessionId: session.sessionId, reason, cancelledAt: command.now },
    },
  ];
}
