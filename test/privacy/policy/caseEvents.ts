import type { CaseEvent } from "../../../src/domain/index.js";
import { eventData, NECESSITY, ORG } from "../../domain/fixtures.js";

// Recorded case events for the policy's Given/When/Then specifications.

export const SHARED_TEXT = "Sam wordt na school opgewacht door oudere jongeren.";
export const MINUTES = "Besproken: de situatie thuis en op school; vervolg over vier weken.";

export const SIGNAL_TEXT = "Verzuimt elke maandag.";

export const signal = (
  fields: { signalId?: string; raisedBy?: string; description?: string } = {},
): CaseEvent => ({
  type: "SignalRaised",
  data: eventData({
    signalId: fields.signalId ?? "signal-1",
    raisedBy: fields.raisedBy ?? ORG.school,
    category: "verzuim",
    level: "preventie",
    urgency: "medium",
    description: fields.description ?? SIGNAL_TEXT,
    raisedAt: "2025-03-01T08:00:00.000Z",
  }),
});

export const shared = (
  shareId: string,
  recipients: string[],
  fields: {
    sharedBy?: string;
    expiresAt?: string | null;
    content?: string;
    consentIds?: string[];
    sharedAt?: string;
  } = {},
): CaseEvent => ({
  type: "InformationShared",
  data: eventData({
    shareId,
    sharedBy: fields.sharedBy ?? ORG.school,
    recipients,
    dataCategories: ["signaal", "school"],
    legalBasisId: "avg-6-1-e-publieke-taak",
    purposeId: "veiligheid-school",
    necessity: NECESSITY,
    content: fields.content ?? SHARED_TEXT,
    expiresAt: fields.expiresAt ?? null,
    decisionReference: null,
    weightyPublicInterest: null,
    competentAuthorityAgreement: null,
    consentIds: fields.consentIds ?? [],
    sharedAt: fields.sharedAt ?? "2025-03-04T10:00:00.000Z",
  }),
});

export const revoked = (shareId: string): CaseEvent => ({
  type: "ShareRevoked",
  data: eventData({ shareId, revokedAt: "2025-03-05T10:00:00.000Z" }),
});

export const corrected = (shareId: string, recipients: string[], content: string): CaseEvent => ({
  type: "ShareCorrected",
  data: eventData({
    shareId,
    recipients,
    content,
    reason: "Verkeerde datum genoemd",
    correctedAt: "2025-03-05T11:00:00.000Z",
  }),
});

export const meetingHeld = (meetingId: string, attendees: string[]): CaseEvent[] => [
  {
    type: "MeetingScheduled",
    data: eventData({
      meetingId,
      scheduledFor: "2025-03-06T14:00:00.000Z",
      agenda: "Casusoverleg",
      scheduledAt: "2025-03-04T09:00:00.000Z",
    }),
  },
  {
    type: "MeetingHeld",
    data: eventData({
      meetingId,
      heldAt: "2025-03-06T14:00:00.000Z",
      attendees: attendees.map((organisationId) => ({
        organisationId,
        userId: `user-${organisationId}`,
        confidentialityAcknowledged: true,
      })),
      minutes: MINUTES,
      decisions: ["Wijkteam neemt contact op met ouders"],
    }),
  },
];

export const agreementMade = (agreementId: string, dueDate: string): CaseEvent => ({
  type: "AgreementMade",
  data: eventData({
    agreementId,
    what: "Huisbezoek plannen",
    ownerOrganisationId: ORG.wijkteam,
    dueDate,
    meetingId: null,
    madeAt: "2025-03-04T09:00:00.000Z",
  }),
});

export const consentRecorded = (consentId: string, expiresAt: string | null = null): CaseEvent => ({
  type: "ConsentRecorded",
  data: eventData({
    consentId,
    givenBy: "parent",
    scope: {
      dataCategories: ["signaal", "school"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-03",
    expiresAt,
    recordedBy: ORG.school,
    recordedAt: "2025-03-03T09:00:00.000Z",
  }),
});

export const consentWithdrawn = (consentId: string): CaseEvent => ({
  type: "ConsentWithdrawn",
  data: eventData({ consentId, withdrawnAt: "2025-03-05T09:00:00.000Z" }),
});
