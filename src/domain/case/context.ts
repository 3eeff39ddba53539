import type { Catalogue } from "../catalogue/catalogue.js";
import type { CovenantState } from "../covenant/state.js";

/**
 * What decide reads besides the case: the covenant as it stands now, the catalogue, and
 * whether the young person was erased (their key is gone: nothing personal can be written).
 */
export type CaseContext = { covenant: CovenantState; catalogue: Catalogue; subjectErased: boolean };
