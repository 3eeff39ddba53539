import type { Actor } from "../domain/index.js";
import type { Reading, SeenCase } from "../privacy/accessRecords.js";
import { statedPurposeOfUse } from "./purposeOfUse.js";
import type { ResourceDeps } from "./resources.js";

/** A read for the case work, by the caller, under its request, now, for the purpose it states (default casusoverleg). */
export function caseWorkReading(
  deps: ResourceDeps,
  request: {
    caller: Actor;
    requestId: string;
    query?: unknown;
    header(name: string): string | undefined;
  },
): Reading {
  return {
    actor: request.caller,
    purpose: statedPurposeOfUse(deps, request),
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
