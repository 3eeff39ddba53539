import type {
  AgreementDueDateChanged,
  AgreementMade,
  AgreementProgressNoted,
  Attendee,
  CaseOutcome,
  ConsentGiverDetails,
  ConsentMethod,
  ConsentRecorded,
  Contact,
  InformationShared,
  SignalRaised,
  Subject,
} from "./events.js";
import type { RecordedItem } from "./itemState.js";

export type ParticipantStatus = "invited" | "joined" | "declined" | "left" | "removed";

export type Participant = {
  organisationId: string;
  status: ParticipantStatus;
  contact: Contact | null;
  /** Kept for the invited organisation's view of its invitation. */
  invitationMessage: string | null;
  since: string;
  /** Which of the case's joins (see CaseState.joins) was its latest; 0 before it first joins. */
  joinNumber: number;
};

// Signals, shares, consents and agreements are their event's data without the ids every case
// event carries (and the fields evolve drops), so these types and evolve's spreads cannot drift.
type ItemOf<Event extends { data: object }, Dropped extends string = never> = Omit<
  Event["data"],
  "caseId" | "subjectId" | Dropped
>;

export type Signal = ItemOf<SignalRaised>;

export type Share = ItemOf<InformationShared, "weightyPublicInterest"> & {
  revokedAt: string | null;
  correctedAt: string | null;
  /** CaseState.joins when the share was made. */
  joinsBefore: number;
};

export type Consent = ItemOf<
  ConsentRecorded,
  "recordedAt" | "giver" | "method" | "evidenceReference" | "recordedByUserId"
> & {
  giver: ConsentGiverDetails;
  /** Null, like the evidence and the recording user, on records made before issue 12. */
  method: ConsentMethod | null;
  evidenceReference: string | null;
  recordedByUserId: string | null;
  withdrawnAt: string | null;
};

export type Meeting = {
  meetingId: string;
  scheduledFor: string;
  agenda: string;
  heldAt: string | null;
  attendees: Attendee[];
  minutes: string | null;
  decisions: string[];
  /** CaseState.joins when the meeting was recorded as held. */
  joinsBefore: number;
};

export type AgreementStatus = "open" | "completed" | "cancelled";
export type DueDateChange = ItemOf<AgreementDueDateChanged, "agreementId">;
export type ProgressNote = ItemOf<AgreementProgressNoted, "agreementId">;
export type Agreement = ItemOf<AgreementMade, "owner"> & {
  /** Null for agreements made before issue 12, which named only the organisation. */
  owner: Contact | null;
  status: AgreementStatus;
  dueDateChanges: DueDateChange[];
  progress: ProgressNote[];
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
};

export type CaseState = {
  status: "none" | "open" | "closed";
  caseId: string | null;
  subjectId: string | null;
  covenantId: string | null;
  chairOrganisationId: string | null;
  /** Fields read "[erased]" once the subject's key is gone. */
  subject: Subject | null;
  regieOrganisationId: string | null;
  participants: Record<string, Participant>;
  /**
   * How many times an organisation joined the case, its opener included. Shares and minutes
   * note it when recorded and each participant the number of its latest join, so "a
   * participant without interruption since" (rules 3, 4) follows the order of events, not clocks.
   */
  joins: number;
  signals: Signal[];
  shares: Record<string, Share>;
  consents: Record<string, Consent>;
  meetings: Record<string, Meeting>;
  /** The case's items on session agendas, as recorded: attendance, minutes, corrections, addenda. */
  agendaItems: Record<string, RecordedItem>;
  agreements: Record<string, Agreement>;
  outcome: CaseOutcome | null;
  closedAt: string | null;
  retentionUntil: string | null;
};

export const initialCaseState: CaseState = {
  status: "none",
  caseId: null,
  subjectId: null,
  covenantId: null,
  chairOrganisationId: null,
  subject: null,
  regieOrganisationId: null,
  participants: {},
  joins: 0,
  signals: [],
  shares: {},
  consents: {},
  meetings: {},
  agendaItems: {},
  agreements: {},
  outcome: null,
  closedAt: null,
  retentionUntil: null,
};
