import type { Caller } from "./http/auth/claims.js";
import type { ResourceDeps } from "./resources.js";

/** The purpose of reading cases through the API: the case work itself (a processing-activity code). */
export const CASE_WORK = "casusoverleg";

/**
 * Rule 8 for answers that span cases: one read record per case shown, all appended before
 * the answer leaves (they group-commit together).
 */
export async function recordCaseReads(
  deps: ResourceDeps,
  request: { caller: Caller; requestId: string },
  itemsByCase: ReadonlyMap<string, string[]>,
): Promise<void> {
  await Promise.all(
    [...itemsByCase].map(([caseId, items]) => {
      const state = deps.readModels.caseView.stateOf(caseId);
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
