import { isInstant } from "../dates.js";
import { Conflict, InvalidCommand } from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import type { RecordMeeting, ScheduleMeeting } from "./commands.js";
import type { CaseEvent } from "./events.js";
import {
  requireChair,
  requireFound,
  requireNew,
  requireOpenCase,
  requireParticipantEntry,
} from "./guards.js";
import type { CaseState } from "./state.js";

export function scheduleMeeting(command: ScheduleMeeting, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  requireNew(entryOf(open.meetings, command.meetingId), "meeting-id-taken", command.meetingId);
  if (!isInstant(command.scheduledFor))
    throw new InvalidCommand("meeting-time", String(command.scheduledFor));
  const agenda = requireText(command.agenda, "meeting-agenda");
  const { caseId, subjectId } = open;
  return [
    {
      type: "MeetingScheduled",
      data: {
        caseId,
        subjectId,
        meetingId: command.meetingId,
        scheduledFor: command.scheduledFor,
        agenda,
        scheduledAt: command.now,
      },
    },
  ];
}

/**
 * Only participants (and the chair) attend, and each attendee acknowledged confidentiality:
 * the minutes will be visible to exactly the attending organisations.
 */
export function recordMeeting(command: RecordMeeting, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const meeting = requireFound(
    entryOf(open.meetings, command.meetingId),
    "meeting-exists",
    command.meetingId,
  );
  if (meeting.heldAt !== null) throw new Conflict("meeting-held", command.meetingId);
  if (!isInstant(command.heldAt)) throw new InvalidCommand("meeting-time", String(command.heldAt));
  if (!Array.isArray(command.attendees) || command.attendees.length === 0) {
    throw new InvalidCommand("meeting-attendees");
  }
  for (const attendee of command.attendees) {
    const { organisationId } = attendee;
    if (organisationId !== open.chairOrganisationId) {
      const { status } = requireParticipantEntry(open, organisationId);
      if (status !== "joined") throw new Conflict("attendee-participant", organisationId);
    }
    if (attendee.confidentialityAcknowledged !== true) {
      throw new InvalidCommand("confidentiality-acknowledged", organisationId);
    }
  }
  const minutes = requireText(command.minutes, "meeting-minutes");
  if (!Array.isArray(command.decisions)) throw new InvalidCommand("meeting-decisions");
  const { caseId, subjectId } = open;
  return [
    {
      type: "MeetingHeld",
      data: {
        caseId,
        subjectId,
        meetingId: meeting.meetingId,
        heldAt: command.heldAt,
        attendees: command.attendees.map(
          ({ organisationId, userId, confidentialityAcknowledged }) => ({
            organisationId,
            userId,
            confidentialityAcknowledged,
          }),
        ),
        minutes,
        decisions: [...command.decisions],
      },
    },
  ];
}
