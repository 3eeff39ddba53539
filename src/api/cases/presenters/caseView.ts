import type { z } from "zod";
import type { CaseView, InvitationView } from "../../../privacy/policy/caseVisibility.js";
import { presentShareMetadata } from "../../shareSchemas.js";
import { presentAgreement } from "./agreementView.js";
import type { caseSchema } from "./caseSchemas.js";

export { caseOrInvitationSchema } from "./caseSchemas.js";

// Presenters of one case as the caller may see it. Every field is listed by name: a field
// added to the domain state reaches no client until it is added here.

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
      giver: { ...c.giver },
      method: c.method,
      evidenceReference: c.evidenceReference,
      recordedByUserId: c.recordedByUserId,
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
      ...presentShareMetadata(s),
      content: s.content,
      correctedAt: s.correctedAt,
    })),
  };
}
