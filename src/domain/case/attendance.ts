import { RulesBroken } from "../domainError.js";
import { type BrokenRule, type RuleText, violationOf } from "../ruleCodes.js";
import { isJoined } from "./guards.js";
import type { Attendee } from "./itemEvents.js";
import type { CaseState } from "./state.js";

export const ATTENDANCE_RULE_TEXTS = {
  "attendee-participant": {
    explanation:
      "Only the case's chair organisation and organisations that joined the case may attend its agenda item; the others leave the room while it is discussed.",
    remedy: "Leave this organisation out of the item's attendees, or invite it to the case first.",
  },
  "confidentiality-acknowledged": {
    explanation: "Every attendee of an agenda item must acknowledge its confidentiality.",
    remedy: "Record the item with confidentialityAcknowledged true for every attendee.",
  },
  "meeting-attendees": {
    explanation: "An agenda item is recorded with the organisations that attended it.",
    remedy: "Name at least one attendee.",
  },
} as const satisfies Record<string, RuleText>;

export type AttendanceRule = keyof typeof ATTENDANCE_RULE_TEXTS;
export const ATTENDANCE_RULES = Object.keys(ATTENDANCE_RULE_TEXTS) as AttendanceRule[];

/** An item's attendance broke one or more rules; nothing is recorded. Each names its organisation. */
export class AttendanceRefused extends RulesBroken {
  declare readonly rule: AttendanceRule;
  constructor(broken: readonly BrokenRule<AttendanceRule>[]) {
    super(
      "invalid",
      broken.map((b) => violationOf(ATTENDANCE_RULE_TEXTS, b)),
    );
    this.name = "AttendanceRefused";
  }
}

/** Every attendee is the chair organisation or a joined participant, and acknowledged confidentiality. */
export function requireAttendance(state: CaseState, attendees: unknown): Attendee[] {
  if (!Array.isArray(attendees) || attendees.length === 0) {
    throw new AttendanceRefused([{ rule: "meeting-attendees", value: null }]);
  }
  const broken: BrokenRule<AttendanceRule>[] = [];
  for (const { organisationId, confidentialityAcknowledged } of attendees as Attendee[]) {
    const participant =
      organisationId === state.chairOrganisationId || isJoined(state, organisationId);
    if (!participant) broken.push({ rule: "attendee-participant", value: organisationId });
    if (confidentialityAcknowledged !== true) {
      broken.push({ rule: "confidentiality-acknowledged", value: organisationId });
    }
  }
  if (broken.length > 0) throw new AttendanceRefused(broken);
  return (attendees as Attendee[]).map(
    ({ organisationId, userId, confidentialityAcknowledged }) => ({
      organisationId,
      userId,
      confidentialityAcknowledged,
    }),
  );
}
