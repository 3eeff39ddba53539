import { activeMember } from "../covenant/state.js";
import type { Decider } from "../decider.js";
import { InvalidCommand, NotFound } from "../domainError.js";
import { agendaChange } from "./agenda.js";
import type { SessionCommand } from "./commands.js";
import type { SessionEvent } from "./events.js";
import { requireChairedSession, type SessionContext } from "./guards.js";
import { cancelSession, planSession, rescheduleSession } from "./planning.js";
import { evolveSession, initialSessionState, type SessionState } from "./state.js";

export function decideSession(
  command: SessionCommand,
  state: SessionState,
  context: SessionContext,
): SessionEvent[] {
  if (command.type === "PlanSession") return planSession(command, state, context);
  const session = requireChairedSession(command.actor, state, command.sessionId);
  if (!activeMember(context.covenant, command.actor.organisationId)) {
    throw new NotFound("session-exists", command.sessionId);
  }
  switch (command.type) {
    case "RescheduleSession":
      return rescheduleSession(command, session);
    case "CancelSession":
      return cancelSession(command, session, context);
    case "AddAgendaItem":
    case "RemoveAgendaItem":
    case "ReorderAgenda":
    case "MarkSessionHeld":
      return agendaChange(command, session, context);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState, SessionContext> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};
