import type {
  Attendee,
  CaseOutcome,
  CompetentAuthorityAgreement,
  ConsentGiver,
  ConsentScope,
  Contact,
  Subject,
  Urgency,
} from "./events.js";

export type ParticipantStatus = "invited" | "joined" | "declined" | "left" | "removed";

export type Participant = {
  organisationId: string;
  status: ParticipantStatus;
  contact: Contact | null;
  /** Kept for the invited organisation's view of its invitation. */
  invitationMessage: string | null;
  since: string;
};

export type Signal = {
  signalId: string;
  raisedBy: string;
  category: string;
  level: string;
  urgency: Urgency;
  description: string;
  raisedAt: string;
};

export type Share = {
  shareId: string;
  sharedBy: string;
  recipients: string[];
  dataCategories: string[];
  legalBasisId: string;
  purposeId: string;
  necessity: string;
  content: string;
  expiresAt: string | null;
  decisionReference: string | null;
  competentAuthorityAgreement: CompetentAuthorityAgreement | null;
  consentIds: string[];
  sharedAt: string;
  revokedAt: string | null;
  correctedAt: string | null;
};

export type Consent = {
  consentId: string;
  givenBy: ConsentGiver;
  scope: ConsentScope;
  givenOn: string;
  expiresAt: string | null;
  recordedBy: string;
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
};

export type AgreementStatus = "open" | "completed" | "cancelled";
export type Agreement = {
  agreementId: string;
  what: string;
  ownerOrganisationId: string;
  dueDate: string;
  meetingId: string | null;
  status: AgreementStatus;
  madeAt: string;
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
  signals: Signal[];
  shares: Record<string, Share>;
  consents: Record<string, Consent>;
  meetings: Record<string, Meeting>;
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
  signals: [],
  shares: {},
  consents: {},
  meetings: {},
  agreements: {},
  outcome: null,
  closedAt: null,
  retentionUntil: null,
};

export { evolveCase } from "./evolve.js";
