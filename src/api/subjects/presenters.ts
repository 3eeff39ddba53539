import type { z } from "zod";
import type { NamedOrganisation } from "../../projections/subjectReport/caseSection.js";
import type { SubjectReport } from "../../projections/subjectReport/report.js";
import { presentShare } from "../shareSchemas.js";
import type { subjectReportView } from "./schemas.js";

type View = z.input<typeof subjectReportView>;
type CaseView = View["cases"][number];

const named = (organisation: NamedOrganisation) => ({
  organisationId: organisation.organisationId,
  name: organisation.name,
});

function presentCaseSection(section: SubjectReport["cases"][number]): CaseView {
  return {
    caseId: section.caseId,
    status: section.status,
    openedBy: named(section.openedBy),
    openedAt: section.openedAt,
    closedAt: section.closedAt,
    retentionUntil: section.retentionUntil,
    subject: section.subject
      ? {
          name: section.subject.name,
          dateOfBirth: section.subject.dateOfBirth,
          school: section.subject.school,
        }
      : null,
    participants: section.participants.map((participant) => ({
      ...named(participant),
      status: participant.status,
      since: participant.since,
    })),
    signals: section.signals.map((signal) => ({
      signalId: signal.signalId,
      source: named(signal.source),
      category: signal.category,
      description: signal.description,
      raisedAt: signal.raisedAt,
    })),
    shares: section.shares.map((share) => ({
      ...presentShare(share),
      source: named(share.source),
      recipients: share.recipients.map(named),
      legalBasis: {
        legalBasisId: share.legalBasis.legalBasisId,
        citation: share.legalBasis.citation,
        description: share.legalBasis.description,
      },
      purpose: { purposeId: share.purpose.purposeId, description: share.purpose.description },
      content: share.content,
      revokedAt: share.revokedAt,
      correctedAt: share.correctedAt,
    })),
    consents: section.consents.map((consent) => ({
      consentId: consent.consentId,
      givenBy: consent.givenBy,
      giver: { ...consent.giver },
      method: consent.method,
      evidenceReference: consent.evidenceReference,
      recordedBy: named(consent.recordedBy),
      dataCategories: [...consent.dataCategories],
      recipients: consent.recipients.map(named),
      purposeId: consent.purposeId,
      givenOn: consent.givenOn,
      expiresAt: consent.expiresAt,
      withdrawnAt: consent.withdrawnAt,
    })),
    meetings: section.meetings.map((meeting) => ({
      meetingId: meeting.meetingId,
      heldAt: meeting.heldAt,
      minutes: meeting.minutes,
      decisions: [...meeting.decisions],
    })),
    agendaItems: section.agendaItems.map((item) => ({
      sessionId: item.sessionId,
      itemId: item.itemId,
      sessionDate: item.sessionDate,
      sessionStatus: item.sessionStatus,
      question: item.question,
      addedAt: item.addedAt,
      removedAt: item.removedAt,
      heldAt: item.heldAt,
      attendedBy: item.attendedBy.map(named),
      minutes: item.minutes,
      minutesStatus: item.minutesStatus,
      approvedAt: item.approvedAt,
      decisions: [...item.decisions],
      corrections: item.corrections.map((correction) => ({
        correctionId: correction.correctionId,
        proposedBy: named(correction.proposedBy),
        minutes: correction.minutes,
        proposedAt: correction.proposedAt,
        status: correction.status,
        resolvedAt: correction.resolvedAt,
      })),
      addenda: item.addenda.map((addendum) => ({
        addendumId: addendum.addendumId,
        addedBy: named(addendum.addedBy),
        text: addendum.text,
        addedAt: addendum.addedAt,
      })),
    })),
    agreements: section.agreements.map((agreement) => ({
      agreementId: agreement.agreementId,
      what: agreement.what,
      owner: named(agreement.owner),
      dueDate: agreement.dueDate,
      status: agreement.status,
    })),
  };
}

/** The report for the data subject; the internal item ids of each case stay out of it. */
export function presentSubjectReport(report: SubjectReport): View {
  return {
    subjectId: report.subjectId,
    subjectIds: [...report.subjectIds],
    covenantId: report.covenantId,
    producedAt: report.producedAt,
    erasure: report.erasure
      ? { erasedAt: report.erasure.erasedAt, reason: report.erasure.reason }
      : null,
    cases: report.cases.map(presentCaseSection),
    reads: report.reads.map((day) => ({
      date: day.date,
      organisation: named(day.organisation),
      purpose: day.purpose,
      caseId: day.caseId,
      reads: day.reads,
      firstReadAt: day.firstReadAt,
      lastReadAt: day.lastReadAt,
    })),
  };
}
