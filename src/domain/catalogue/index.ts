export {
  type Catalogue,
  catalogue,
  findLegalBasis,
  legalBases,
} from "./catalogue.js";
export { type DataCategory, dataCategories } from "./dataCategories.js";
export type { BasisRequirements, LegalBasis } from "./legalBasis.js";
export { type Level, levels } from "./levels.js";
export { type PartnerKind, partnerKinds, SCHOOL_KINDS } from "./partnerKinds.js";
export { type SignalCategory, signalCategories } from "./signalCategories.js";
export type { Bilingual } from "./text.js";
