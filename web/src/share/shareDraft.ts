import type { RequestBody, Schemas } from "../api/client";

export interface ShareDraft {
  legalBasisId: string;
  recipients: string[];
  dataCategories: string[];
  purposeId: string;
  necessity: string;
  content: string;
  decisionReference: string;
  weightyPublicInterest: string;
  authority: "" | "burgemeester" | "officier-van-justitie";
  authorityReference: string;
  agreedOn: string;
}

export const emptyDraft: ShareDraft = {
  legalBasisId: "",
  recipients: [],
  dataCategories: [],
  purposeId: "",
  necessity: "",
  content: "",
  decisionReference: "",
  weightyPublicInterest: "",
  authority: "",
  authorityReference: "",
  agreedOn: "",
};

/** The request body: Wpg fields only when the chosen basis asks for them. */
export function shareBody(
  draft: ShareDraft,
  basis: Schemas["LegalBasis"] | undefined,
): RequestBody<"postCasesCaseIdShares"> {
  const needs = basis?.requirements;
  return {
    legalBasisId: draft.legalBasisId,
    recipients: draft.recipients,
    dataCategories: draft.dataCategories,
    purposeId: draft.purposeId,
    necessity: draft.necessity,
    content: draft.content,
    ...(needs?.decisionReference ? { decisionReference: draft.decisionReference } : {}),
    ...(needs?.weightyPublicInterest ? { weightyPublicInterest: draft.weightyPublicInterest } : {}),
    ...(needs?.competentAuthorityAgreement && draft.authority
      ? {
          competentAuthorityAgreement: {
            authority: draft.authority,
            reference: draft.authorityReference,
            agreedOn: draft.agreedOn,
          },
        }
      : {}),
  };
}
