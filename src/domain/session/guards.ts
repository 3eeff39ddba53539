import { type Actor, hasRole } from "../actor.js";
import type { CaseState } from "../case/state.js";
import type { CovenantState } from "../covenant/state.js";
import { Conflict, NotFound, NotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import type { SessionState } from "./state.js";

/**
 * What a session command is decided against besides the session: its covenant now, and the
 * state of every case it names (the agenda's cases, and the case an item would add).
 */
export type SessionContext = {
  covenant: CovenantState;
  cases: Readonly<Record<string, CaseState>>;
};

export type ExistingSession = SessionState & {
  sessionId: string;
  covenantId: string;
  chairOrganisationId: string;
};

/** Rule 1 for sessions: only its chair organisation's chairs change it; other organisations may not know of it here. */
export function requireChairedSession(actor: Actor, state: SessionState, sessionId: string) {
  if (state.status === "none" || actor.organisationId !== state.chairOrganisationId) {
    throw new NotFound("session-exists", sessionId);
  }
  if (!hasRole(actor, "chair")) throw new NotPermitted("chair-only", "chair");
  return state as ExistingSession;
}

/** Plans and agendas change only before the session is held or cancelled. */
export function requireAhead(session: ExistingSession): void {
  if (session.status === "held" || session.status === "cancelled") {
    throw new Conflict("session-ended", session.sessionId);
  }
}

/** An agenda item counts as recorded once its case stream holds its record. */
export const isRecorded = (context: SessionContext, caseId: string, itemId: string): boolean => {
  const state = entryOf(context.cases, caseId);
  return state !== undefined && entryOf(state.agendaItems, itemId) !== undefined;
};
