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
