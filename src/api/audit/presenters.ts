import type { z } from "zod";
import type { AccessRecord } from "../../privacy/accessRecords.js";
import type { Disclosure } from "../../projections/disclosureRegister/disclosureRegister.js";
import type { VisibilityAt } from "../../projections/visibilityAt/visibilityAt.js";
import type { accessRecordView, disclosureView, visibilityView } from "./schemas.js";

export function presentDisclosure(disclosure: Disclosure): z.input<typeof disclosureView> {
  const agreement = disclosure.competentAuthorityAgreement;
  return {
    shareId: disclosure.shareId,
    caseId: disclosure.caseId,
    subjectId: disclosure.subjectId,
    covenantId: disclosure.covenantId,
    sharedBy: disclosure.sharedBy,
    sharedByUserId: disclosure.sharedByUserId,
    recipients: [...disclosure.recipients],
    dataCategories: [...disclosure.dataCategories],
    legalBasisId: disclosure.legalBasisId,
    legalBasisCitation: disclosure.legalBasisCitation,
    purposeId: disclosure.purposeId,
    necessity: disclosure.necessity,
    weightyPublicInterest: disclosure.weightyPublicInterest,
    decisionReference: disclosure.decisionReference,
    competentAuthorityAgreement: agreement
      ? {
          authority: agreement.authority,
          reference: agreement.reference,
          agreedOn: agreement.agreedOn,
        }
      : null,
    consentIds: [...disclosure.consentIds],
    sharedAt: disclosure.sharedAt,
    expiresAt: disclosure.expiresAt,
    revokedAt: disclosure.revokedAt,
    corrections: disclosure.corrections.map((correction) => ({
      correctedAt: correction.correctedAt,
    })),
  };
}

export function presentAccessRecord(record: AccessRecord): z.input<typeof accessRecordView> {
  return {
    readId: record.readId,
    caseId: record.caseId,
    subjectId: record.subjectId,
    covenantId: record.covenantId,
    userId: record.userId,
    organisationId: record.organisationId,
    roles: [...record.roles],
    itemIds: [...record.itemIds],
    purpose: record.purpose,
    readAt: record.readAt,
    correlationId: record.correlationId,
  };
}

export function presentVisibility(visibility: VisibilityAt): z.input<typeof visibilityView> {
  return {
    caseId: visibility.caseId,
    organisationId: visibility.organisationId,
    at: visibility.at,
    access: visibility.access,
    items: visibility.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      categories: [...item.categories],
    })),
  };
}
