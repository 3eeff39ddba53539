import type { z } from "zod";
import type {
  Bilingual,
  DataCategory,
  LegalBasis,
  Level,
  PartnerKind,
  SignalCategory,
} from "../../domain/index.js";
import type {
  dataCategoryView,
  legalBasisView,
  levelView,
  partnerKindView,
  signalCategoryView,
} from "./schemas.js";

const bilingual = (text: Bilingual) => ({ nl: text.nl, en: text.en });

export function presentLegalBasis(basis: LegalBasis): z.input<typeof legalBasisView> {
  const { requirements } = basis;
  return {
    id: basis.id,
    regime: basis.regime,
    citation: basis.citation,
    description: bilingual(basis.description),
    sharerKinds: [...basis.sharerKinds],
    recipientKinds: [...basis.recipientKinds],
    dataCategories: [...basis.dataCategories],
    requirements: {
      consent: requirements.consent,
      decisionReference: requirements.decisionReference,
      weightyPublicInterest: requirements.weightyPublicInterest,
      competentAuthorityAgreement: requirements.competentAuthorityAgreement,
      art9Exception: requirements.art9Exception,
      art10Basis: requirements.art10Basis,
      necessityStatement: requirements.necessityStatement,
    },
    defaultExpiryDays: basis.defaultExpiryDays,
    validFrom: basis.validFrom,
    validUntil: basis.validUntil,
    unverified: basis.unverified,
    note: basis.note,
  };
}

export const presentDataCategory = (category: DataCategory): z.input<typeof dataCategoryView> => ({
  id: category.id,
  label: bilingual(category.label),
  special: category.special,
});

export const presentSignalCategory = (
  category: SignalCategory,
): z.input<typeof signalCategoryView> => ({
  id: category.id,
  label: bilingual(category.label),
  description: bilingual(category.description),
  examples: [...category.examples],
});

export const presentPartnerKind = (kind: PartnerKind): z.input<typeof partnerKindView> => ({
  id: kind.id,
  label: bilingual(kind.label),
  publicAuthority: kind.publicAuthority,
});

export const presentLevel = (level: Level): z.input<typeof levelView> => ({
  id: level.id,
  label: bilingual(level.label),
  description: bilingual(level.description),
});
