import { z } from "zod";
import type { CaseView, InvitationView } from "../../../privacy/policy/caseVisibility.js";

// Response schemas and presenters of one case as the caller may see it. Every field is listed
// by name: a field added to the domain state reaches no client until it is added here.

const contact = z
  .strictObject({ name: z.string(), function: z.string(), reach: z.string() })
  .meta({ id: "Contact" });

const participant = z.strictObject({
  organisationId: z.string(),
  status: z.enum(["invited", "joined", "declined", "left", "removed"]),
  since: z.string(),
  contact: contact.nullable().describe("Named contact of a joined participant"),
});

const signal = z.strictObject({
  signalId: z.string(),
  raisedBy: z.string(),
  category: z.string(),
  level: z.string(),
  urgency: z.enum(["low", "medium", "high"]),
  description: z.string(),
  raisedAt: z.string(),
});

const meeting = z.strictObject({
  meetingId: z.string(),
  scheduledFor: z.string(),
  agenda: z.string(),
  heldAt: z.string().nullable(),
  attendees: z.array(
    z.strictObject({
      organisationId: z.string(),
      userId: z.string(),
      confidentialityAcknowledged: z.boolean(),
    }),
  ),
  minutes: z.string().nullable().describe("Only for organisations that attended"),
  decisions: z.array(z.string()).nullable(),
});

const agreement = z.strictObject({
  agreementId: z.string(),
  what: z.string(),
  ownerOrganisationId: z.string(),
  dueDate: z.string(),
  meetingId: z.string().nullable(),
  status: z.enum(["open", "completed", "cancelled"]),
  madeAt: z.string(),
  overdue: z.boolean(),
});

const consent = z.strictObject({
  consentId: z.string(),
  givenBy: z.enum(["subject", "parent"]),
  scope: z.strictObject({
    dataCategories: z.array(z.string()),
    recipientOrganisationIds: z.array(z.string()),
    purposeId: z.string(),
  }),
  givenOn: z.string(),
  expiresAt: z.string().nullable(),
  recordedBy: z.string(),
  withdrawnAt: z.string().nullable(),
});

const share = z.strictObject({
  shareId: z.string(),
  sharedBy: z.string(),
  recipients: z.array(z.string()),
  dataCategories: z.array(z.string()),
  legalBasisId: z.string(),
  purposeId: z.string(),
  necessity: z.string(),
  content: z.string(),
  expiresAt: z.string().nullable(),
  decisionReference: z.string().nullable(),
  competentAuthorityAgreement: z
    .strictObject({ authority: z.string(), reference: z.string(), agreedOn: z.string() })
    .nullable(),
  consentIds: z.array(z.string()),
  sharedAt: z.string(),
  correctedAt: z.string().nullable(),
});

export const caseSchema = z
  .strictObject({
    view: z.literal("case"),
    caseId: z.string(),
    revision: z.int(),
    status: z.enum(["open", "closed"]),
    covenantId: z.string().nullable(),
    chairOrganisationId: z.string(),
    regieOrganisationId: z.string().nullable(),
    outcome: z.enum(["resolved", "referred", "no-further-concern", "stopped"]).nullable(),
    closedAt: z.string().nullable(),
    retentionUntil: z.string().nullable(),
    subject: z
      .strictObject({ name: z.string(), dateOfBirth: z.string(), school: z.string() })
      .nullable()
      .describe('Personal data; reads "[erased]" once the subject is erased'),
    participants: z.array(participant),
    signals: z.array(signal),
    meetings: z.array(meeting),
    agreements: z.array(agreement),
    consents: z.array(consent),
    shares: z.array(share).describe("Only shares the caller's organisation made or received"),
  })
  .meta({ id: "Case" });

export const invitationSchema = z
  .strictObject({
    view: z.literal("invitation"),
    caseId: z.string(),
    revision: z.int(),
    signalCategory: z.string().nullable(),
    chairOrganisationId: z.string(),
    message: z.string(),
  })
  .meta({ id: "Invitation", description: "What an invited organisation sees until it joins" });

export const caseOrInvitationSchema = z
  .discriminatedUnion("view", [caseSchema, invitationSchema])
  .meta({ id: "CaseOrInvitation" });

type CaseBody = z.input<typeof caseSchema>;

export function presentInvitation(invitation: InvitationView, revision: number) {
  return {
    view: "invitation" as const,
    caseId: invitation.caseId,
    revision,
    signalCategory: invitation.signalCategory,
    chairOrganisationId: invitation.chairOrganisationId,
    message: invitation.message,
  };
}

export function presentCase(view: CaseView, revision: number): CaseBody {
  const subject = view.subject;
  return {
    view: "case",
    caseId: view.caseId,
    revision,
    status: view.status,
    covenantId: view.covenantId,
    chairOrganisationId: view.chairOrganisationId,
    regieOrganisationId: view.regieOrganisationId,
    outcome: view.outcome,
    closedAt: view.closedAt,
    retentionUntil: view.retentionUntil,
    subject: subject
      ? { name: subject.name, dateOfBirth: subject.dateOfBirth, school: subject.school }
      : null,
    participants: view.participants.map((p) => ({
      organisationId: p.organisationId,
      status: p.status,
      since: p.since,
      contact: p.contact
        ? { name: p.contact.name, function: p.contact.function, reach: p.contact.reach }
        : null,
    })),
    signals: view.signals.map((s) => ({
      signalId: s.signalId,
      raisedBy: s.raisedBy,
      category: s.category,
      level: s.level,
      urgency: s.urgency,
      description: s.description,
      raisedAt: s.raisedAt,
    })),
    meetings: view.meetings.map((m) => ({
      meetingId: m.meetingId,
      scheduledFor: m.scheduledFor,
      agenda: m.agenda,
      heldAt: m.heldAt,
      attendees: m.attendees.map((a) => ({
        organisationId: a.organisationId,
        userId: a.userId,
        confidentialityAcknowledged: a.confidentialityAcknowledged,
      })),
      minutes: m.minutes,
      decisions: m.decisions ? [...m.decisions] : null,
    })),
    agreements: view.agreements.map(presentAgreement),
    consents: view.consents.map((c) => ({
      consentId: c.consentId,
      givenBy: c.givenBy,
      scope: {
        dataCategories: [...c.scope.dataCategories],
        recipientOrganisationIds: [...c.scope.recipientOrganisationIds],
        purposeId: c.scope.purposeId,
      },
      givenOn: c.givenOn,
      expiresAt: c.expiresAt,
      recordedBy: c.recordedBy,
      withdrawnAt: c.withdrawnAt,
    })),
    shares: view.shares.map((s) => ({
      shareId: s.shareId,
      sharedBy: s.sharedBy,
      recipients: [...s.recipients],
      dataCategories: [...s.dataCategories],
      legalBasisId: s.legalBasisId,
      purposeId: s.purposeId,
      necessity: s.necessity,
      content: s.content,
      expiresAt: s.expiresAt,
      decisionReference: s.decisionReference,
      competentAuthorityAgreement: s.competentAuthorityAgreement
        ? {
            authority: s.competentAuthorityAgreement.authority,
            reference: s.competentAuthorityAgreement.reference,
            agreedOn: s.competentAuthorityAgreement.agreedOn,
          }
        : null,
      consentIds: [...s.consentIds],
      sharedAt: s.sharedAt,
      correctedAt: s.correctedAt,
    })),
  };
}

function presentAgreement(a: CaseView["agreements"][number]) {
  return {
    agreementId: a.agreementId,
    what: a.what,
    ownerOrganisationId: a.ownerOrganisationId,
    dueDate: a.dueDate,
    meetingId: a.meetingId,
    status: a.status,
    madeAt: a.madeAt,
    overdue: a.overdue,
  };
}
