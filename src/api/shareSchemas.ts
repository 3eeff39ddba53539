import { z } from "zod";

/**
 * What every audience reads of a share alike: which share, which categories of data, why it
 * was necessary, when it was made and when it lapses. Each view of a share starts from these.
 */
export const shareFields = {
  shareId: z.string(),
  dataCategories: z.array(z.string()),
  necessity: z.string(),
  sharedAt: z.string(),
  expiresAt: z.string().nullable(),
};

/**
 * A share's accountability metadata as clients read it, both in the case (for those who see
 * the share) and in the disclosure register (for privacy officers): one shape, so the two
 * cannot describe the same share differently. Parties, basis and purpose go by their ids.
 */
export const shareMetadataFields = {
  ...shareFields,
  sharedBy: z.string(),
  recipients: z.array(z.string()),
  legalBasisId: z.string(),
  purposeId: z.string(),
  decisionReference: z.string().nullable(),
  competentAuthorityAgreement: z
    .strictObject({ authority: z.string(), reference: z.string(), agreedOn: z.string() })
    .nullable(),
  consentIds: z.array(z.string()),
};

type ShareCore = z.input<z.ZodObject<typeof shareFields>>;
type ShareMetadata = z.input<z.ZodObject<typeof shareMetadataFields>>;

/** Lists may come read-only from the state or a read model; the answer gets its own copies. */
type Held<T> = {
  [K in keyof T]: T[K] extends string[] ? readonly string[] : T[K];
};

/** The fields every view of a share shows, field by field, for every presenter that shows one. */
export function presentShare(share: Held<ShareCore>): ShareCore {
  return {
    shareId: share.shareId,
    dataCategories: [...share.dataCategories],
    necessity: share.necessity,
    sharedAt: share.sharedAt,
    expiresAt: share.expiresAt,
  };
}

/** The share's accountability metadata: the common fields and the ids of its parties and basis. */
export function presentShareMetadata(share: Held<ShareMetadata>): ShareMetadata {
  const agreement = share.competentAuthorityAgreement;
  return {
    ...presentShare(share),
    sharedBy: share.sharedBy,
    recipients: [...share.recipients],
    legalBasisId: share.legalBasisId,
    purposeId: share.purposeId,
    decisionReference: share.decisionReference,
    competentAuthorityAgreement: agreement
      ? {
          authority: agreement.authority,
          reference: agreement.reference,
          agreedOn: agreement.agreedOn,
        }
      : null,
    consentIds: [...share.consentIds],
  };
}
