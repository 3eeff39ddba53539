import { hasRole } from "../actor.js";
import type { CovenantState } from "../covenant/state.js";
import { compareInstants } from "../dates.js";
import type { Decider } from "../decider.js";
import {
  Conflict,
  InvalidCommand,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import type { ApplyRetention, EraseSubject, SubjectCommand } from "./commands.js";
import type { SubjectEvent } from "./events.js";
import { evolveSubject, initialSubjectState, type SubjectState } from "./state.js";

export type SubjectContext = { covenant: CovenantState };

const REQUEST_REASONS = ["data-subject-request", "unlawful-processing", "consent-withdrawn"];

function requireNotErased(state: SubjectState, subjectId: string): void {
  if (state.erased) throw new Conflict("already-erased", subjectId);
}

const caseIdsOf = (caseIds: unknown): string[] => {
  if (!Array.isArray(caseIds) || caseIds.some((id) => typeof id !== "string")) {
    throw new InvalidCommand("case-ids");
  }
  return [...caseIds];
};

/** The covenant's privacy officer (privacy-officer role of the chair organisation) erases, with a reason. */
function erase(
  command: EraseSubject,
  state: SubjectState,
  { covenant }: SubjectContext,
): SubjectEvent[] {
  const { actor } = command;
  if (actor.organisationId !== covenant.chairOrganisationId) {
    throw new OrganisationNotPermitted("covenant-privacy-officer", actor.organisationId);
  }
  if (!hasRole(actor, "privacy-officer")) {
    throw new NotPermitted("covenant-privacy-officer", actor.organisationId);
  }
  // The offending value is left out: a reason outside the list may be free text about the subject.
  if (!REQUEST_REASONS.includes(command.reason)) throw new InvalidCommand("erasure-reason");
  requireNotErased(state, command.subjectId);
  return [
    {
      type: "SubjectErased",
      data: {
        subjectId: command.subjectId,
        caseIds: caseIdsOf(command.caseIds),
        reason: command.reason,
        erasedAt: command.now,
        erasedBy: { userId: actor.userId, organisationId: actor.organisationId },
      },
    },
  ];
}

/** The retention job erases only once the last case's retention has ended. */
function applyRetention(command: ApplyRetention, state: SubjectState): SubjectEvent[] {
  if (!(compareInstants(command.now, command.retentionUntil) >= 0)) {
    throw new Conflict("retention-ended", command.retentionUntil);
  }
  requireNotErased(state, command.subjectId);
  return [
    {
      type: "SubjectErased",
      data: {
        subjectId: command.subjectId,
        caseIds: caseIdsOf(command.caseIds),
        reason: "retention",
        erasedAt: command.now,
        erasedBy: null,
      },
    },
  ];
}

export function decideSubject(
  command: SubjectCommand,
  state: SubjectState,
  context: SubjectContext,
): SubjectEvent[] {
  switch (command.type) {
    case "EraseSubject":
      return erase(command, state, context);
    case "ApplyRetention":
      return applyRetention(command, state);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

export const subjectDecider: Decider<SubjectCommand, SubjectEvent, SubjectState, SubjectContext> = {
  initialState: initialSubjectState,
  evolve: evolveSubject,
  decide: decideSubject,
};
