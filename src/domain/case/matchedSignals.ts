import { Conflict } from "../domainError.js";
import type { RecordMatchedSignal } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import { requireOpenCase } from "./guards.js";
import { requireSignalFields } from "./signals.js";
import type { CaseState } from "./state.js";

/**
 * A signal about a young person whose case is open in the covenant joins that case (rule 9).
 * Any member may raise it, participant or not: the signal is the chair's to act on, and its
 * raiser learns no more of the case than that it exists, until the chair invites it.
 */
export function recordMatchedSignal(
  command: RecordMatchedSignal,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  requireSignalFields(command, context);
  const existing = requireOpenCase(state, command.caseId);
  if (existing.covenantId !== command.covenantId) {
    throw new Conflict("case-covenant", command.covenantId);
  }
  const { actor, now, caseId, signalId, category, level, urgency, description } = command;
  return [
    {
      type: "SignalRaised",
      data: {
        caseId,
        subjectId: existing.subjectId,
        signalId,
        raisedBy: actor.organisationId,
        category,
        level,
        urgency,
        description,
        raisedAt: now,
        matchedOn: command.matchedOn,
      },
    },
  ];
}
