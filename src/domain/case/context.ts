import type { Catalogue } from "../catalogue/catalogue.js";
import type { CovenantState } from "../covenant/state.js";

/** What decide reads besides the case: the covenant as it stands now, and the catalogue. */
export type CaseContext = { covenant: CovenantState; catalogue: Catalogue };
