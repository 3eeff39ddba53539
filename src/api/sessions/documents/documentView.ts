/**
 * What a session document may show, already decided by the policy: the renderers print exactly
 * this and nothing else, so what reaches a PDF or an invite is settled before rendering starts.
 */

export type SessionStatus = "planned" | "rescheduled" | "cancelled" | "held";

/** Where the table meets: a room, or a video link. */
export type SessionPlace = { kind: "location"; address: string } | { kind: "video"; link: string };

/** The session as every invited organisation may know it: no young person, no question. */
export interface SessionHeader {
  sessionId: string;
  /** The covenant (or chair organisation) the table belongs to, e.g. "Veilig Schoolklimaat Noord". */
  tableName: string;
  startsAt: string;
  /** Null for a case meeting from before sessions, which named only its start. */
  endsAt: string | null;
  /** Null for a case meeting from before sessions, which named no place. */
  place: SessionPlace | null;
  chairOrganisation: string;
  plannedOrganisations: readonly string[];
  status: SessionStatus;
}

/** One case on the agenda, of the cases the reader may know (the policy leaves out the rest). */
export interface AgendaEntry {
  position: number;
  subject: string;
  question: string;
}

export interface AgendaDocument {
  header: SessionHeader;
  /** The organisation the document was made for, printed on it. */
  readerOrganisation: string;
  items: readonly AgendaEntry[];
  producedAt: string;
}

export interface AgreementEntry {
  what: string;
  ownerOrganisation: string;
  /** The named owner within the organisation, once the agreement carries one. */
  ownerName: string | null;
  dueDate: string;
}

export interface ItemMinutes {
  text: string;
  approved: boolean;
  /** Corrections after approval: the approved text stays, addenda follow it. */
  addenda: readonly string[];
}

/**
 * An item the reader attended shows what was recorded (rule 4); one it did not attend, or that
 * was not discussed yet, shows only its place.
 */
export type MinutesEntry =
  | { position: number; outcome: "not-discussed" | "not-attended" }
  | {
      position: number;
      outcome: "attended";
      subject: string;
      question: string;
      minutes: ItemMinutes;
      decisions: readonly string[];
      agreements: readonly AgreementEntry[];
    };

export interface MinutesDocument {
  header: SessionHeader;
  readerOrganisation: string;
  items: readonly MinutesEntry[];
  producedAt: string;
}

/** The calendar invite: the header, how often the session moved, and where to read more. */
export interface InviteDocument {
  header: SessionHeader;
  /** Rises by one with every reschedule or cancellation, so calendars replace the earlier invite. */
  sequence: number;
  /** The session in the console (ids only), where each reader sees what it may. */
  consoleLink: string;
  /** When this invite was made: its DTSTAMP (RFC 5546). */
  issuedAt: string;
}
