import type { Bilingual } from "./text.js";

/** What a share under a basis needs besides fitting its kinds and categories. */
export type BasisRequirements = {
  /** Consent from the right person by the subject's age (Jeugdwet 7.3.4, 7.3.5, 7.3.15). */
  consent: boolean;
  /** Wpg art. 20 lid 2: a reference to the recorded decision of the samenwerkingsverband. */
  decisionReference: boolean;
  /** Wpg art. 19/20: the share states the weighty public interest (zwaarwegend algemeen belang). */
  weightyPublicInterest: boolean;
  /** Wpg art. 19: the competent authority (mayor or public prosecutor) agreed. */
  competentAuthorityAgreement: boolean;
  /** The AVG art. 9(2) exception that lets this basis carry health data; null if it cannot. */
  art9Exception: string | null;
  /** The AVG art. 10 / UAVG art. 33 or Wpg provision that lets it carry criminal data; null if not. */
  art10Basis: string | null;
  /** Every share states why it is necessary, proportional and subsidiary. */
  necessityStatement: true;
};

/** One entry of the legal-basis catalogue: data that privacy officers review, not code. */
export type LegalBasis = {
  id: string;
  regime: "AVG" | "Wpg";
  citation: string;
  description: Bilingual;
  sharerKinds: readonly string[];
  recipientKinds: readonly string[];
  dataCategories: readonly string[];
  requirements: BasisRequirements;
  /** A share without its own expiry ends this many days after it was made; null: no default. */
  defaultExpiryDays: number | null;
  /** ISO dates (YYYY-MM-DD); validUntil is the last day the basis may be used. */
  validFrom: string;
  validUntil: string | null;
  /** True while the fact needs a check against the current text on wetten.overheid.nl. */
  unverified: boolean;
  note: string | null;
};

export const noRequirements: BasisRequirements = {
  consent: false,
  decisionReference: false,
  weightyPublicInterest: false,
  competentAuthorityAgreement: false,
  art9Exception: null,
  art10Basis: null,
  necessityStatement: true,
};
