import type { Actor } from "../actor.js";
import type {
  Attendee,
  CaseOutcome,
  CompetentAuthorityAgreement,
  ConsentGiverRole,
  ConsentMethod,
  ConsentScope,
  Contact,
  StrongMatchKind,
  Subject,
  Urgency,
} from "./events.js";
import type { AgendaItemCommand } from "./itemCommands.js";

/** Every command carries the authenticated actor, the time and every id it creates. */
type CaseCommandOf<Type extends string, Fields> = {
  type: Type;
  actor: Actor;
  /** ISO-8601 time the command was issued; the domain reads no clock. */
  now: string;
  caseId: string;
} & Fields;

export type RaiseSignal = CaseCommandOf<
  "RaiseSignal",
  {
    signalId: string;
    /** Used when this signal opens the case; ignored for later signals. */
    subjectId: string;
    covenantId: string;
    subject?: Subject;
    /** The raiser's named contact; required when the signal opens the case. */
    contact?: Contact;
    category: string;
    level: string;
    urgency: Urgency;
    description: string;
  }
>;
/**
 * Intake found the young person's open case by a strong match (rule 9): the signal is
 * recorded there for the chair, and its raiser does not become a participant.
 */
export type RecordMatchedSignal = CaseCommandOf<
  "RecordMatchedSignal",
  Pick<
    RaiseSignal,
    "signalId" | "covenantId" | "category" | "level" | "urgency" | "description"
  > & {
    matchedOn: StrongMatchKind;
  }
>;
export type InvitePartner = CaseCommandOf<
  "InvitePartner",
  { organisationId: string; message: string }
>;
export type JoinCase = CaseCommandOf<"JoinCase", { contact: Contact }>;
export type DeclineInvitation = CaseCommandOf<"DeclineInvitation", Record<never, never>>;
export type LeaveCase = CaseCommandOf<"LeaveCase", Record<never, never>>;
export type RemovePartner = CaseCommandOf<"RemovePartner", { organisationId: string }>;
export type AssignRegie = CaseCommandOf<"AssignRegie", { organisationId: string }>;

type ShareFields = {
  shareId: string;
  recipients: string[];
  dataCategories: string[];
  legalBasisId: string;
  purposeId: string;
  necessity: string;
  content: string;
  /** Without it the basis's default expiry applies, if it has one. */
  expiresAt?: string | null;
  decisionReference?: string | null;
  weightyPublicInterest?: string | null;
  competentAuthorityAgreement?: CompetentAuthorityAgreement | null;
};
export type ShareInformation = CaseCommandOf<"ShareInformation", ShareFields>;
/** The raising organisation shares its signal's description: a share like any other, with that text as content. */
export type ShareSignal = CaseCommandOf<
  "ShareSignal",
  Omit<ShareFields, "content"> & { signalId: string }
>;
export type RevokeShare = CaseCommandOf<"RevokeShare", { shareId: string }>;
export type CorrectShare = CaseCommandOf<
  "CorrectShare",
  { shareId: string; content: string; reason: string }
>;

export type RecordConsent = CaseCommandOf<
  "RecordConsent",
  {
    consentId: string;
    giver: { role: ConsentGiverRole; name?: string | null; parentalAuthority?: boolean | null };
    method: ConsentMethod;
    evidenceReference: string;
    scope: ConsentScope;
    /** YYYY-MM-DD the consent was given. */
    givenOn: string;
    expiresAt?: string | null;
  }
>;
export type WithdrawConsent = CaseCommandOf<"WithdrawConsent", { consentId: string }>;

export type ScheduleMeeting = CaseCommandOf<
  "ScheduleMeeting",
  { meetingId: string; scheduledFor: string; agenda: string }
>;
export type RecordMeeting = CaseCommandOf<
  "RecordMeeting",
  { meetingId: string; heldAt: string; attendees: Attendee[]; minutes: string; decisions: string[] }
>;

export type MakeAgreement = CaseCommandOf<
  "MakeAgreement",
  {
    agreementId: string;
    what: string;
    ownerOrganisationId: string;
    /** The named person within the owner organisation who carries the follow-up. */
    owner: Contact;
    dueDate: string;
    meetingId?: string | null;
  }
>;
export type ChangeAgreementDueDate = CaseCommandOf<
  "ChangeAgreementDueDate",
  { agreementId: string; dueDate: string; reason: string }
>;
export type NoteAgreementProgress = CaseCommandOf<
  "NoteAgreementProgress",
  { agreementId: string; noteId: string; note: string }
>;
export type CompleteAgreement = CaseCommandOf<
  "CompleteAgreement",
  { agreementId: string; note?: string | null }
>;
export type CancelAgreement = CaseCommandOf<
  "CancelAgreement",
  { agreementId: string; reason: string }
>;

export type CloseCase = CaseCommandOf<"CloseCase", { outcome: CaseOutcome; reason: string }>;
export type ReopenCase = CaseCommandOf<"ReopenCase", { reason: string }>;
export type ExtendRetention = CaseCommandOf<
  "ExtendRetention",
  { retentionUntil: string; reason: string }
>;

export type CaseCommand =
  | RaiseSignal
  | RecordMatchedSignal
  | InvitePartner
  | JoinCase
  | DeclineInvitation
  | LeaveCase
  | RemovePartner
  | AssignRegie
  | ShareInformation
  | ShareSignal
  | RevokeShare
  | CorrectShare
  | RecordConsent
  | WithdrawConsent
  | ScheduleMeeting
  | RecordMeeting
  | MakeAgreement
  | ChangeAgreementDueDate
  | NoteAgreementProgress
  | CompleteAgreement
  | CancelAgreement
  | CloseCase
  | ReopenCase
  | ExtendRetention
  | AgendaItemCommand;

export type CaseCommandType = CaseCommand["type"];
