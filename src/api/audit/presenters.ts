import type { z } from "zod";
import type { AccessRecord } from "../../privacy/accessRecords.js";
import type { Disclosure } from "../../projections/disclosureRegister/disclosureRegister.js";
import type { VisibilityAt } from "../../projections/visibilityAt/visibilityAt.js";
import type { VisibilityChange } from "../../projections/visibilityAt/visibilityTimeline.js";
import { presentShareMetadata } from "../shareSchemas.js";
import type {
  accessRecordView,
  disclosureView,
  visibilityChangesView,
  visibilityView,
} from "./schemas.js";

export function presentDisclosure(disclosure: Disclosure): z.input<typeof disclosureView> {
  return {
    ...presentShareMetadata(disclosure),
    caseId: disclosure.caseId,
    subjectId: disclosure.subjectId,
    covenantId: disclosure.covenantId,
    sharedByUserId: disclosure.sharedByUserId,
    legalBasisCitation: disclosure.legalBasisCitation,
    weightyPublicInterest: disclosure.weightyPublicInterest,
    revokedAt: disclosure.revokedAt,
    corrections: disclosure.corrections.map((correction) => ({
      correctedAt: correction.correctedAt,
    })),
    consents: disclosure.consents.map((consent) => ({
      consentId: consent.consentId,
      giverRole: consent.giverRole,
      parentalAuthority: consent.parentalAuthority,
      method: consent.method,
      evidenceReferenced: consent.evidenceReferenced,
      recordedBy: consent.recordedBy,
      recordedByUserId: consent.recordedByUserId,
      givenOn: consent.givenOn,
      expiresAt: consent.expiresAt,
      withdrawnAt: consent.withdrawnAt,
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

const shownItem = (item: VisibilityAt["items"][number]) => ({
  id: item.id,
  kind: item.kind,
  categories: [...item.categories],
});

export function presentVisibilityChanges(
  caseId: string,
  organisationId: string,
  at: string,
  changes: VisibilityChange[],
): z.input<typeof visibilityChangesView> {
  return {
    caseId,
    organisationId,
    at,
    changes: changes.map((change) => ({
      at: change.at,
      eventType: change.eventType,
      access: change.access,
      gained: change.gained.map(shownItem),
      lost: change.lost.map(shownItem),
    })),
  };
}
