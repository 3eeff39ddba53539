import type { DomainEvent } from "../decider.js";

/** Every session event names its session; agenda item events also name the case and its subject. */
type SessionEventOf<Type extends string, Data> = DomainEvent<Type, { sessionId: string } & Data>;

/**
 * A casustafel session, run by the chair organisation within one covenant. Its time, place
 * and reasons are about the session, never about a young person: the agenda items' questions
 * are, and are encrypted with the key of the subject of their case.
 */
export type SessionPlanned = SessionEventOf<
  "SessionPlanned",
  {
    covenantId: string;
    chairOrganisationId: string;
    startsAt: string;
    endsAt: string;
    location: string | null;
    videoLink: string | null;
    plannedOrganisationIds: string[];
    plannedAt: string;
  }
>;
export type SessionRescheduled = SessionEventOf<
  "SessionRescheduled",
  { startsAt: string; endsAt: string; reason: string; rescheduledAt: string }
>;
export type SessionCancelled = SessionEventOf<
  "SessionCancelled",
  { reason: string; cancelledAt: string }
>;
export type AgendaItemAdded = SessionEventOf<
  "AgendaItemAdded",
  { itemId: string; caseId: string; subjectId: string; question: string; addedAt: string }
>;
export type AgendaItemRemoved = SessionEventOf<
  "AgendaItemRemoved",
  { itemId: string; removedAt: string }
>;
export type AgendaReordered = SessionEventOf<
  "AgendaReordered",
  { itemIds: string[]; reorderedAt: string }
>;
export type SessionHeld = SessionEventOf<"SessionHeld", { heldAt: string }>;

export type SessionEvent =
  | SessionPlanned
  | SessionRescheduled
  | SessionCancelled
  | AgendaItemAdded
  | AgendaItemRemoved
  | AgendaReordered
  | SessionHeld;

export type SessionEventType = SessionEvent["type"];

export const sessionStreamId = (sessionId: string) => `session-${sessionId}`;
