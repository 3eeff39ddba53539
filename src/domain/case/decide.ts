import type { Decider } from "../decider.js";
import { Conflict, InvalidCommand } from "../domainError.js";
import { decideAgendaItem } from "./agendaItems.js";
import { changeAgreementDueDate, noteAgreementProgress } from "./agreementFollowUp.js";
import { cancelAgreement, completeAgreement, makeAgreement } from "./agreements.js";
import { closeCase, extendRetention, reopenCase } from "./closure.js";
import type { CaseCommand } from "./commands.js";
import { recordConsent, withdrawConsent } from "./consentRecords.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import { evolveCase } from "./evolve.js";
import { requireCovenantStanding } from "./guards.js";
import { recordMatchedSignal } from "./matchedSignals.js";
import { recordMeeting, scheduleMeeting } from "./meetings.js";
import {
  assignRegie,
  declineInvitation,
  invitePartner,
  joinCase,
  leaveCase,
  removePartner,
} from "./participation.js";
import { correctShare, revokeShare, shareInformation, shareSignal } from "./sharing.js";
import { raiseSignal } from "./signals.js";
import { type CaseState, initialCaseState } from "./state.js";

/**
 * What may still happen in a case once its young person was erased: ending things, never
 * recording anything new about them, so the case can be wound down, closed and retained.
 */
const WINDING_DOWN: ReadonlySet<CaseCommand["type"]> = new Set([
  "DeclineInvitation",
  "LeaveCase",
  "RemovePartner",
  "RevokeShare",
  "WithdrawConsent",
  "CompleteAgreement",
  "CancelAgreement",
  "CloseCase",
]);

/** The case decider: returns the events a command produces, or throws a DomainError naming the rule. */
export function decideCase(
  command: CaseCommand,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  // A share names the broken membership rule itself (sharer-covenant-member), as a refusal.
  if (command.type !== "ShareInformation" && command.type !== "ShareSignal") {
    requireCovenantStanding(command.actor, state, context);
  }
  if (context.subjectErased && !WINDING_DOWN.has(command.type)) {
    throw new Conflict("subject-erased", command.caseId);
  }
  switch (command.type) {
    case "RaiseSignal":
      return raiseSignal(command, state, context);
    case "RecordMatchedSignal":
      return recordMatchedSignal(command, state, context);
    case "InvitePartner":
      return invitePartner(command, state, context);
    case "JoinCase":
      return joinCase(command, state, context);
    case "DeclineInvitation":
      return declineInvitation(command, state);
    case "LeaveCase":
      return leaveCase(command, state);
    case "RemovePartner":
      return removePartner(command, state);
    case "AssignRegie":
      return assignRegie(command, state);
    case "ShareInformation":
      return shareInformation(command, state, context);
    case "ShareSignal":
      return shareSignal(command, state, context);
    case "RevokeShare":
      return revokeShare(command, state);
    case "CorrectShare":
      return correctShare(command, state);
    case "RecordConsent":
      return recordConsent(command, state, context);
    case "WithdrawConsent":
      return withdrawConsent(command, state);
    case "ScheduleMeeting":
      return scheduleMeeting(command, state);
    case "RecordMeeting":
      return recordMeeting(command, state);
    case "MakeAgreement":
      return makeAgreement(command, state);
    case "ChangeAgreementDueDate":
      return changeAgreementDueDate(command, state);
    case "NoteAgreementProgress":
      return noteAgreementProgress(command, state);
    case "CompleteAgreement":
      return completeAgreement(command, state, context);
    case "CancelAgreement":
      return cancelAgreement(command, state, context);
    case "CloseCase":
      return closeCase(command, state, context);
    case "ReopenCase":
      return reopenCase(command, state);
    case "ExtendRetention":
      return extendRetention(command, state);
    case "RecordAgendaItem":
    case "ProposeMinutesCorrection":
    case "ResolveMinutesCorrection":
    case "ApproveMinutes":
    case "AddMinutesAddendum":
      return decideAgendaItem(command, state, context);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState, CaseContext> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  decide: decideCase,
};
