import type { DomainEvent } from "../decider.js";

export type Attendee = {
  organisationId: string;
  userId: string;
  /** The attendee confirmed the meeting's confidentiality before it started. */
  confidentialityAcknowledged: boolean;
};

type CaseEventOf<Type extends string, Data> = DomainEvent<
  Type,
  { caseId: string; subjectId: string } & Data
>;

/**
 * What happened at one agenda item of a session, kept in the case's stream (not the session's)
 * so that rule 4, erasure, retention and art. 15 act on one stream per young person.
 */
export type AgendaItemRecorded = CaseEventOf<
  "AgendaItemRecorded",
  {
    sessionId: string;
    itemId: string;
    heldAt: string;
    /** Who attended this item: the others left the room while it was discussed. */
    attendees: Attendee[];
    /** A draft until the chair approves it. */
    minutes: string;
    decisions: string[];
    recordedAt: string;
  }
>;
/** An attendee proposes the minutes as they should read (draft minutes only). */
export type MinutesCorrectionProposed = CaseEventOf<
  "MinutesCorrectionProposed",
  { itemId: string; correctionId: string; proposedBy: string; minutes: string; proposedAt: string }
>;
export type MinutesCorrectionResolved = CaseEventOf<
  "MinutesCorrectionResolved",
  { itemId: string; correctionId: string; accepted: boolean; resolvedAt: string }
>;
/** The minutes as approved: final from here on, corrections still open are folded in. */
export type MinutesApproved = CaseEventOf<
  "MinutesApproved",
  { itemId: string; minutes: string; decisions: string[]; approvedAt: string }
>;
export type MinutesAddendumAdded = CaseEventOf<
  "MinutesAddendumAdded",
  { itemId: string; addendumId: string; addedBy: string; text: string; addedAt: string }
>;

export type AgendaItemEvent =
  | AgendaItemRecorded
  | MinutesCorrectionProposed
  | MinutesCorrectionResolved
  | MinutesApproved
  | MinutesAddendumAdded;
