import { hasRole } from "../actor.js";
import { addYears, compareInstants, isInstant } from "../dates.js";
import {
  Conflict,
  InvalidCommand,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import type { CloseCase, ExtendRetention, ReopenCase } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent, CaseOutcome } from "./events.js";
import { requireCase, requireChair, requireCovenantOf, requireOpenCase } from "./guards.js";
import type { CaseState } from "./state.js";

const OUTCOMES: readonly CaseOutcome[] = ["resolved", "referred", "no-further-concern", "stopped"];

/**
 * Retention runs from closure for the longest term among the purposes the case's shares
 * served; a case without shares keeps the covenant's longest term.
 */
function retentionYears(state: CaseState, context: CaseContext): number {
  const { retentionYears: terms } = context.covenant;
  const used = [...new Set(Object.values(state.shares).map((share) => share.purposeId))];
  const purposes = used.length > 0 ? used : Object.keys(terms);
  const unset = purposes.find((purposeId) => entryOf(terms, purposeId) === undefined);
  if (unset !== undefined || purposes.length === 0)
    throw new Conflict("retention-set", unset ?? null);
  return Math.max(...purposes.map((purposeId) => entryOf(terms, purposeId) as number));
}

export function closeCase(command: CloseCase, state: CaseState, context: CaseContext): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireCovenantOf(open, context);
  requireChair(command.actor, open);
  if (!OUTCOMES.includes(command.outcome))
    throw new InvalidCommand("case-outcome", String(command.outcome));
  const given = requireText(command.reason, "close-reason");
  const reason = context.subjectErased ? null : given;
  // Agreements are settled first, so no promise to the young person silently lapses.
  const unsettled = Object.values(open.agreements).find((a) => a.status === "open");
  if (unsettled) throw new Conflict("open-agreements", unsettled.agreementId);
  const retentionUntil = addYears(command.now, retentionYears(open, context));
  const { caseId, subjectId } = open;
  return [
    {
      type: "CaseClosed",
      data: {
        caseId,
        subjectId,
        outcome: command.outcome,
        reason,
        closedAt: command.now,
        retentionUntil,
      },
    },
  ];
}

export function reopenCase(command: ReopenCase, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  if (existing.status !== "closed") throw new Conflict("case-closed", command.caseId);
  requireChair(command.actor, existing);
  const reason = requireText(command.reason, "reopen-reason");
  const { caseId, subjectId } = existing;
  return [{ type: "CaseReopened", data: { caseId, subjectId, reason, reopenedAt: command.now } }];
}

/** Keeping data longer is an explicit decision by the chair or the covenant's privacy officer. */
export function extendRetention(command: ExtendRetention, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  if (existing.status !== "closed" || existing.retentionUntil === null) {
    throw new Conflict("case-closed", command.caseId);
  }
  const { actor } = command;
  if (actor.organisationId !== existing.chairOrganisationId) {
    throw new OrganisationNotPermitted("chair-or-privacy-officer", actor.organisationId);
  }
  if (!hasRole(actor, "chair", "privacy-officer")) {
    throw new NotPermitted("chair-or-privacy-officer", actor.organisationId);
  }
  const reason = requireText(command.reason, "retention-reason");
  if (
    !isInstant(command.retentionUntil) ||
    compareInstants(command.retentionUntil, existing.retentionUntil) <= 0
  ) {
    throw new InvalidCommand("retention-later", String(command.retentionUntil));
  }
  const { caseId, subjectId } = existing;
  return [
    {
      type: "RetentionExtended",
      data: {
        caseId,
        subjectId,
        retentionUntil: command.retentionUntil,
        reason,
        extendedAt: command.now,
      },
    },
  ];
}
