import type { Actor } from "../domain/index.js";
import type { Reading, SeenCase } from "../privacy/accessRecords.js";
import { CASE_WORK_PURPOSE } from "../privacy/accessRecords.js";
import type { ResourceDeps } from "./resources.js";

/** A read for the case work itself, by the caller, under its request, now. */
export function caseWorkReading(
  deps: ResourceDeps,
  request: { caller: Actor; requestId: string },
): Reading {
  return {
    actor: request.caller,
    purpose: CASE_WORK_PURPOSE,
    correlationId: request.requestId,
    now: deps.now(),
  };
}

/** The cases an answer shows, each with the items shown from it, as the recorded read takes them. */
export function seenCases(
  deps: ResourceDeps,
  itemsByCase: ReadonlyMap<string, readonly string[]>,
): SeenCase[] {
  return [...itemsByCase].map(([caseId, itemIds]) => {
    const state = deps.readModels.caseView.stateOf(caseId);
    return {
      caseId,
      subjectId: state?.subjectId ?? "",
      covenantId: state?.covenantId ?? "",
      itemIds,
    };
  });
}
