import { avgBases } from "./avgBases.js";
import { type DataCategory, dataCategories } from "./dataCategories.js";
import type { LegalBasis } from "./legalBasis.js";
import { type Level, levels } from "./levels.js";
import { type PartnerKind, partnerKinds } from "./partnerKinds.js";
import { sectorBases } from "./sectorBases.js";
import { type SignalCategory, signalCategories } from "./signalCategories.js";

/** Everything the rules look up; passed in with each command so a test or a new version can swap it. */
export type Catalogue = {
  legalBases: readonly LegalBasis[];
  dataCategories: readonly DataCategory[];
  partnerKinds: readonly PartnerKind[];
  signalCategories: readonly SignalCategory[];
  levels: readonly Level[];
};

export const legalBases: readonly LegalBasis[] = [...avgBases, ...sectorBases];

export const catalogue: Catalogue = {
  legalBases,
  dataCategories,
  partnerKinds,
  signalCategories,
  levels,
};

export const findLegalBasis = (catalogue: Catalogue, id: string) =>
  catalogue.legalBases.find((basis) => basis.id === id);
