import {
  type CaseEvent,
  type CaseState,
  evolveCase,
  initialCaseState,
} from "../../domain/index.js";
import {
  type CaseVisibility,
  caseVisibility,
  type Viewer,
} from "../../privacy/policy/caseVisibility.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

/** "What does this case look like to this organisation now?" — every case's state, shown through the policy. */
export interface CaseViewModel extends ReadModel {
  readonly name: "caseView";
  /** What `viewer` may see of the case at `now`; { kind: "none" } for an unknown case. */
  query(caseId: string, viewer: Viewer, now: string): CaseVisibility;
  /** The case's folded state, for other read models that answer through the policy. */
  stateOf(caseId: string): CaseState | undefined;
  /** The revision of the case stream the state was folded up to (its ETag); -1 when unknown. */
  revisionOf(caseId: string): number;
}

const NONE: CaseVisibility = { kind: "none" };

export function createCaseView(): CaseViewModel {
  const cases = new Map<string, CaseState>();
  const revisions = new Map<string, number>();
  return {
    name: "caseView",
    apply(event: DecodedEvent) {
      if (!event.streamId.startsWith("case-")) return;
      const caseId = event.data.caseId;
      if (typeof caseId !== "string") return;
      const next = evolveCase(cases.get(caseId) ?? initialCaseState, event as unknown as CaseEvent);
      // An event type this version does not know leaves the case as it was.
      if (next !== undefined) cases.set(caseId, next);
      revisions.set(caseId, event.revision);
    },
    reset: () => {
      cases.clear();
      revisions.clear();
    },
    forgetCase: (caseId) => {
      cases.delete(caseId);
      revisions.delete(caseId);
    },
    query(caseId, viewer, now) {
      const state = cases.get(caseId);
      return state === undefined ? NONE : caseVisibility(state, viewer, now);
    },
    stateOf: (caseId) => cases.get(caseId),
    revisionOf: (caseId) => revisions.get(caseId) ?? -1,
  };
}
