import { z } from "zod";

/**
 * A share's accountability metadata as clients read it, both in the case (for those who see
 * the share) and in the disclosure register (for privacy officers): one shape, so the two
 * cannot describe the same share differently.
 */
export const shareMetadataFields = {
  shareId: z.string(),
  sharedBy: z.string(),
  recipients: z.array(z.string()),
  dataCategories: z.array(z.string()),
  legalBasisId: z.string(),
  purposeId: z.string(),
  necessity: z.string(),
  decisionReference: z.string().nullable(),
  competentAuthorityAgreement: z
    .strictObject({ authority: z.string(), reference: z.string(), agreedOn: z.string() })
    .nullable(),
  consentIds: z.array(z.string()),
  sharedAt: z.string(),
  expiresAt: z.string().nullable(),
};

type ShareMetadata = z.input<z.ZodObject<typeof shareMetadataFields>>;

/** The share's accountability metadata, field by field, for every presenter that shows a share. */
export function presentShareMetadata(
  share: {
    [K in keyof ShareMetadata]: K extends "recipients" | "dataCategories" | "consentIds"
      ? readonly string[]
      : ShareMetadata[K];
  },
): ShareMetadata {
  const agreement = share.competentAuthorityAgreement;
  return {
    shareId: share.shareId,
    sharedBy: share.sharedBy,
    recipients: [...share.recipients],
    dataCategories: [...share.dataCategories],
    legalBasisId: share.legalBasisId,
    purposeId: share.purposeId,
    necessity: share.necessity,
    decisionReference: share.decisionReference,
    competentAuthorityAgreement: agreement
      ? {
          authority: agreement.authority,
          reference: agreement.reference,
          agreedOn: agreement.agreedOn,
        }
      : null,
    consentIds: [...share.consentIds],
    sharedAt: share.sharedAt,
    expiresAt: share.expiresAt,
  };
}
