import { type Actor, hasRole } from "../actor.js";
import { dateOf, isCalendarDate } from "../dates.js";
import {
  Conflict,
  InvalidCommand,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { entryOf } from "../entries.js";
import { ERASED } from "../personalFields.js";
import { requireText } from "../text.js";
import type { CancelAgreement, CompleteAgreement, MakeAgreement } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import {
  type ExistingCase,
  isChair,
  isJoined,
  requireChair,
  requireContact,
  requireFound,
  requireNew,
  requireOpenCase,
  requireParticipantEntry,
} from "./guards.js";
import type { Agreement, CaseState } from "./state.js";

/** Overdue is derived, never stored: still open after its due date has passed. */
export const isOverdue = (agreement: Pick<Agreement, "status" | "dueDate">, now: string): boolean =>
  agreement.status === "open" && dateOf(now) > agreement.dueDate;

/**
 * Still to be followed up: open, and about a young person who was not erased. An erased young
 * person's agreements stay on the case (to be wound down) but leave every open list.
 */
export const awaitsFollowUp = (agreement: Pick<Agreement, "status">, state: CaseState): boolean =>
  agreement.status === "open" && state.subject?.name !== ERASED;

/** Completed after the day it was due (by UTC calendar date, as overdue is): derived, never stored. */
export const isCompletedLate = (agreement: Pick<Agreement, "completedAt" | "dueDate">): boolean =>
  agreement.completedAt !== null && dateOf(agreement.completedAt) > agreement.dueDate;

/** The chair records what was agreed, who owns it (a participant and a named person in it) and by when. */
export function makeAgreement(command: MakeAgreement, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  requireNew(
    entryOf(open.agreements, command.agreementId),
    "agreement-id-taken",
    command.agreementId,
  );
  const what = requireText(command.what, "agreement-what");
  if (requireParticipantEntry(open, command.ownerOrganisationId).status !== "joined") {
    throw new Conflict("owner-participant", command.ownerOrganisationId);
  }
  const owner = requireContact(command.owner, "agreement-owner");
  if (!isCalendarDate(command.dueDate))
    throw new InvalidCommand("agreement-due-date", String(command.dueDate));
  const meetingId = command.meetingId ?? null;
  if (meetingId !== null)
    requireFound(entryOf(open.meetings, meetingId), "meeting-exists", meetingId);
  const { caseId, subjectId } = open;
  return [
    {
      type: "AgreementMade",
      data: {
        caseId,
        subjectId,
        agreementId: command.agreementId,
        what,
        ownerOrganisationId: command.ownerOrganisationId,
        owner,
        dueDate: command.dueDate,
        meetingId,
        madeAt: command.now,
      },
    },
  ];
}

export function openAgreement(state: CaseState, agreementId: string): Agreement {
  const agreement = requireFound(
    entryOf(state.agreements, agreementId),
    "agreement-exists",
    agreementId,
  );
  if (agreement.status !== "open") throw new Conflict("agreement-open", agreementId);
  return agreement;
}

/** The owning organisation, while it takes part, or the chair; anyone else is refused. */
export function requireOwnerOrChair(actor: Actor, open: ExistingCase, agreement: Agreement): void {
  const owner =
    actor.organisationId === agreement.ownerOrganisationId && isJoined(open, actor.organisationId);
  if (owner || isChair(actor, open)) return;
  // A user of the chair organisation without the chair role lacks a role; anyone else, the organisation.
  const chairOrganisation = actor.organisationId === open.chairOrganisationId;
  if (chairOrganisation && !hasRole(actor, "chair"))
    throw new NotPermitted("owner-or-chair", actor.organisationId);
  throw new OrganisationNotPermitted("owner-or-chair", actor.organisationId);
}

/** The owning organisation reports it done, the chair may too; the note is kept unless the young person was erased. */
export function completeAgreement(
  command: CompleteAgreement,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const agreement = openAgreement(open, command.agreementId);
  requireOwnerOrChair(command.actor, open, agreement);
  const given = command.note ?? null;
  if (given !== null && typeof given !== "string") throw new InvalidCommand("completion-note");
  const note = context.subjectErased || given === null || given.trim() === "" ? null : given;
  const { caseId, subjectId } = open;
  return [
    {
      type: "AgreementCompleted",
      data: {
        caseId,
        subjectId,
        agreementId: agreement.agreementId,
        completedAt: command.now,
        note,
        completedBy: command.actor.organisationId,
      },
    },
  ];
}

export function cancelAgreement(
  command: CancelAgreement,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const agreement = openAgreement(open, command.agreementId);
  const given = requireText(command.reason, "cancel-reason");
  const reason = context.subjectErased ? null : given;
  const { caseId, subjectId } = open;
  return [
    {
      type: "AgreementCancelled",
      data: {
        caseId,
        subjectId,
        agreementId: agreement.agreementId,
        reason,
        cancelledAt: command.now,
      },
    },
  ];
}
