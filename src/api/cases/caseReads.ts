import type { AgreementsDueModel } from "../../projections/agreementsDue/agreementsDue.js";
import type { CaseListModel } from "../../projections/caseList/caseList.js";
import type { CaseViewModel } from "../../projections/caseView/caseView.js";
import type { Caller } from "../auth/claims.js";
import { HttpProblem } from "../problems.js";
import type { ResourceDeps } from "../resources.js";

/** The read models the case lists answer from, as the composition root names them. */
export interface CaseReadModels {
  caseView: CaseViewModel;
  caseList: CaseListModel;
  agreementsDue: AgreementsDueModel;
}

/** The projector's models, looked up per request: the composition root may assemble them after the routes. */
export function caseReadModels(deps: ResourceDeps): CaseReadModels {
  const models = deps.readModels as Partial<CaseReadModels>;
  if (!models.caseView || !models.caseList || !models.agreementsDue) {
    throw new HttpProblem("unavailable", "The case read models are not running");
  }
  return models as CaseReadModels;
}

/** The purpose of reading cases through the API: the case work itself (a processing-activity code). */
export const CASE_WORK = "casusoverleg";

/**
 * Rule 8 for answers that span cases: one read record per case shown, all appended before
 * the answer leaves (they group-commit together).
 */
export async function recordCaseReads(
  deps: ResourceDeps,
  caseView: CaseViewModel,
  request: { caller: Caller; requestId: string },
  itemsByCase: ReadonlyMap<string, string[]>,
): Promise<void> {
  await Promise.all(
    [...itemsByCase].map(([caseId, items]) => {
      const state = caseView.stateOf(caseId);
      return deps.recordAccess({
        caller: request.caller,
        caseId,
        subjectId: state?.subjectId ?? undefined,
        covenantId: state?.covenantId ?? undefined,
        items,
        purpose: CASE_WORK,
        requestId: request.requestId,
      });
    }),
  );
}
