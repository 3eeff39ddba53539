import type { DomainEvent } from "../decider.js";
import type { Identity } from "../identity/identity.js";
import type { AgendaItemEvent, Attendee } from "./itemEvents.js";

export type { Attendee } from "./itemEvents.js";

/** The match kinds that link a signal to an open case by themselves (MATCH_STRENGTH "strong"). */
export type StrongMatchKind = "bsn" | "name-dob";

/**
 * The young person a case is about; every field is personal. `name` and `school` are as
 * people read them. Subjects recorded since issue 11 also keep the identity they are matched
 * on; earlier ones have only these three fields.
 */
export type Subject = { name: string; dateOfBirth: string; school: string } & Partial<
  Omit<Identity, "dateOfBirth">
>;

/** A named contact ("namen en rugnummers"): personal, encrypted with the subject's key. */
export type Contact = { name: string; function: string; reach: string };

export type Urgency = "low" | "medium" | "high";
export type ConsentGiver = "subject" | "parent";
export type CaseOutcome = "resolved" | "referred" | "no-further-concern" | "stopped";
export type CompetentAuthority = "burgemeester" | "officier-van-justitie";

/** Every case event names its case and its subject, so the codec can pick the subject's key. */
type CaseEventOf<Type extends string, Data> = DomainEvent<
  Type,
  { caseId: string; subjectId: string } & Data
>;

export type CaseOpened = CaseEventOf<
  "CaseOpened",
  {
    covenantId: string;
    chairOrganisationId: string;
    subject: Subject;
    /** The raiser's organisation becomes the first participant, with its contact. */
    openedBy: string;
    contact: Contact;
    openedAt: string;
  }
>;
export type SignalRaised = CaseEventOf<
  "SignalRaised",
  {
    signalId: string;
    raisedBy: string;
    category: string;
    level: string;
    urgency: Urgency;
    description: string;
    raisedAt: string;
    /**
     * Set when intake found the young person's open case by a strong match (rule 9): the
     * raiser is not a participant, and only the chair learns of the signal from the case.
     */
    matchedOn?: StrongMatchKind;
  }
>;
export type PartnerInvited = CaseEventOf<
  "PartnerInvited",
  { organisationId: string; message: string; invitedAt: string }
>;
export type PartnerJoined = CaseEventOf<
  "PartnerJoined",
  { organisationId: string; contact: Contact; joinedAt: string }
>;
export type InvitationDeclined = CaseEventOf<
  "InvitationDeclined",
  { organisationId: string; declinedAt: string }
>;
export type PartnerLeft = CaseEventOf<"PartnerLeft", { organisationId: string; leftAt: string }>;
export type PartnerRemoved = CaseEventOf<
  "PartnerRemoved",
  { organisationId: string; removedAt: string }
>;
export type RegieAssigned = CaseEventOf<
  "RegieAssigned",
  { organisationId: string; assignedAt: string }
>;

export type CompetentAuthorityAgreement = {
  authority: CompetentAuthority;
  reference: string;
  agreedOn: string;
};

export type InformationShared = CaseEventOf<
  "InformationShared",
  {
    shareId: string;
    sharedBy: string;
    /** Fixed at share time: organisations that join later do not see this share. */
    recipients: string[];
    dataCategories: string[];
    legalBasisId: string;
    purposeId: string;
    necessity: string;
    content: string;
    expiresAt: string | null;
    /** Wpg art. 20: the samenwerkingsverband's decision this share relies on. */
    decisionReference: string | null;
    weightyPublicInterest: string | null;
    competentAuthorityAgreement: CompetentAuthorityAgreement | null;
    /** The consent records a consent-based share relied on. */
    consentIds: string[];
    sharedAt: string;
  }
>;
export type ShareRevoked = CaseEventOf<"ShareRevoked", { shareId: string; revokedAt: string }>;
export type ShareCorrected = CaseEventOf<
  "ShareCorrected",
  {
    shareId: string;
    /** Exactly the original share's recipients. */
    recipients: string[];
    content: string;
    reason: string;
    correctedAt: string;
  }
>;

export type ConsentScope = {
  dataCategories: string[];
  recipientOrganisationIds: string[];
  purposeId: string;
};
export type ConsentGiverRole = "subject" | "parent" | "guardian";
export type ConsentMethod = "form" | "verbal";
/** Who gave consent: the young person, or a named parent or guardian with parental authority stated or not. */
export type ConsentGiverDetails = {
  role: ConsentGiverRole;
  /** A parent's or guardian's name: personal. Null for the young person. */
  name: string | null;
  /** Null for the young person, and for records made before issue 12, which did not state it. */
  parentalAuthority: boolean | null;
};
export type ConsentRecorded = CaseEventOf<
  "ConsentRecorded",
  {
    consentId: string;
    /** The age band the giver counts for (DESIGN §3): a guardian counts as a parent. */
    givenBy: ConsentGiver;
    /** Absent, like method, evidence and recorder, on records made before issue 12. */
    giver?: ConsentGiverDetails;
    method?: ConsentMethod;
    /** Where the evidence is kept (a form's number, the note of a conversation): personal. */
    evidenceReference?: string;
    scope: ConsentScope;
    givenOn: string;
    expiresAt: string | null;
    /** The organisation that obtained the consent, the only one that records or withdraws it. */
    recordedBy: string;
    recordedByUserId?: string;
    recordedAt: string;
  }
>;
export type ConsentWithdrawn = CaseEventOf<
  "ConsentWithdrawn",
  { consentId: string; withdrawnAt: string }
>;

export type MeetingScheduled = CaseEventOf<
  "MeetingScheduled",
  { meetingId: string; scheduledFor: string; agenda: string; scheduledAt: string }
>;
export type MeetingHeld = CaseEventOf<
  "MeetingHeld",
  {
    meetingId: string;
    heldAt: string;
    attendees: Attendee[];
    minutes: string;
    decisions: string[];
  }
>;

export type AgreementMade = CaseEventOf<
  "AgreementMade",
  {
    agreementId: string;
    what: string;
    ownerOrganisationId: string;
    /** The named person within the owner organisation; absent on agreements made before issue 12. */
    owner?: Contact;
    /** YYYY-MM-DD; overdue is derived from it, never stored. */
    dueDate: string;
    meetingId: string | null;
    madeAt: string;
  }
>;
export type AgreementDueDateChanged = CaseEventOf<
  "AgreementDueDateChanged",
  {
    agreementId: string;
    dueDate: string;
    previousDueDate: string;
    reason: string;
    changedBy: string;
    changedAt: string;
  }
>;
export type AgreementProgressNoted = CaseEventOf<
  "AgreementProgressNoted",
  { agreementId: string; noteId: string; note: string; notedBy: string; notedAt: string }
>;
export type AgreementCompleted = CaseEventOf<
  "AgreementCompleted",
  /**
   * `note` and `completedBy` are absent on completions recorded before issue 12; the note is
   * null when none was written or the young person was erased.
   */
  { agreementId: string; completedAt: string; note?: string | null; completedBy?: string }
>;
export type AgreementCancelled = CaseEventOf<
  "AgreementCancelled",
  /** The reason is null when the young person was erased: no personal text can be kept. */
  { agreementId: string; reason: string | null; cancelledAt: string }
>;

export type CaseClosed = CaseEventOf<
  "CaseClosed",
  /** The reason is null when the young person was erased: no personal text can be kept. */
  { outcome: CaseOutcome; reason: string | null; closedAt: string; retentionUntil: string }
>;
export type CaseReopened = CaseEventOf<"CaseReopened", { reason: string; reopenedAt: string }>;
export type RetentionExtended = CaseEventOf<
  "RetentionExtended",
  { retentionUntil: string; reason: string; extendedAt: string }
>;

export type CaseEvent =
  | CaseOpened
  | SignalRaised
  | PartnerInvited
  | PartnerJoined
  | InvitationDeclined
  | PartnerLeft
  | PartnerRemoved
  | RegieAssigned
  | InformationShared
  | ShareRevoked
  | ShareCorrected
  | ConsentRecorded
  | ConsentWithdrawn
  | MeetingScheduled
  | MeetingHeld
  | AgreementMade
  | AgreementDueDateChanged
  | AgreementProgressNoted
  | AgreementCompleted
  | AgreementCancelled
  | CaseClosed
  | CaseReopened
  | RetentionExtended
  | AgendaItemEvent;

export type CaseEventType = CaseEvent["type"];

export const caseStreamId = (caseId: string) => `case-${caseId}`;
