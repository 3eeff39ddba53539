import type { CaseCommand, Contact } from "../../src/domain/index.js";
import { chair, ORG } from "../domain/fixtures.js";

/** What one meeting about a case says, and the agreement made in it. */
export interface MeetingTexts {
  agenda: string;
  minutes: string;
  decisions: string[];
  agreement: { what: string; ownerOrganisationId: string; dueDate: string; owner?: Contact };
}

const HELD_AT = "2025-03-20T14:00:00.000Z";

/** The chair schedules and records meeting m-1 (chair, school and wijkteam attend) and makes agreement a-1. */
export function meetingWithAgreement(caseId: string, texts: MeetingTexts): CaseCommand[] {
  const byChair = { actor: chair, caseId, now: "2025-03-20T10:00:00.000Z" };
  const attendee = (organisationId: string) => ({
    organisationId,
    userId: `u-${organisationId}`,
    confidentialityAcknowledged: true,
  });
  return [
    {
      ...byChair,
      type: "ScheduleMeeting",
      meetingId: "m-1",
      scheduledFor: HELD_AT,
      agenda: texts.agenda,
    },
    {
      ...byChair,
      type: "RecordMeeting",
      meetingId: "m-1",
      heldAt: HELD_AT,
      attendees: [ORG.chair, ORG.school, ORG.wijkteam].map(attendee),
      minutes: texts.minutes,
      decisions: texts.decisions,
    },
    {
      ...byChair,
      type: "MakeAgreement",
      agreementId: "a-1",
      owner: { name: "Ine Bakker", function: "mentor", reach: "06-12345678" },
      ...texts.agreement,
    },
  ];
}
