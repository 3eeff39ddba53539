import { isCalendarDate } from "../dates.js";
import { InvalidCommand, OrganisationNotPermitted } from "../domainError.js";
import { requireText } from "../text.js";
import { openAgreement, requireOwnerOrChair } from "./agreements.js";
import type { ChangeAgreementDueDate, NoteAgreementProgress } from "./commands.js";
import type { CaseEvent } from "./events.js";
import { isJoined, requireOpenCase } from "./guards.js";
import type { CaseState } from "./state.js";

/** The chair or the owning organisation moves the due date, saying why; the history keeps both dates. */
export function changeAgreementDueDate(
  command: ChangeAgreementDueDate,
  state: CaseState,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const agreement = openAgreement(open, command.agreementId);
  requireOwnerOrChair(command.actor, open, agreement);
  if (!isCalendarDate(command.dueDate))
    throw new InvalidCommand("agreement-due-date", String(command.dueDate));
  if (command.dueDate === agreement.dueDate)
    throw new InvalidCommand("due-date-unchanged", command.dueDate);
  const reason = requireText(command.reason, "due-date-reason");
  const { caseId, subjectId } = open;
  return [
    {
      type: "AgreementDueDateChanged",
      data: {
        caseId,
        subjectId,
        agreementId: agreement.agreementId,
        dueDate: command.dueDate,
        previousDueDate: agreement.dueDate,
        reason,
        changedBy: command.actor.organisationId,
        changedAt: command.now,
      },
    },
  ];
}

/** Only the owning organisation, while it takes part, writes how the follow-up is going. */
export function noteAgreementProgress(
  command: NoteAgreementProgress,
  state: CaseState,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const agreement = openAgreement(open, command.agreementId);
  const { organisationId } = command.actor;
  if (organisationId !== agreement.ownerOrganisationId || !isJoined(open, organisationId))
    throw new OrganisationNotPermitted("agreement-owner-only", organisationId);
  const note = requireText(command.note, "progress-note");
  const { caseId, subjectId } = open;
  return [
    {
      type: "AgreementProgressNoted",
      data: {
        caseId,
        subjectId,
        agreementId: agreement.agreementId,
        noteId: command.noteId,
        note,
        notedBy: organisationId,
        notedAt: command.now,
      },
    },
  ];
}
