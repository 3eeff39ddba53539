import {
  type Actor,
  type CaseEvent,
  type CaseState,
  type CovenantEvent,
  type CovenantState,
  evolveCase,
  evolveCovenant,
  initialCaseState,
  initialCovenantState,
  type Membership,
  membershipOf,
} from "../../domain/index.js";
import { type CaseVisibility, caseVisibility } from "../../privacy/policy/caseVisibility.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

/** "What does this case look like to this organisation now?" — every case's state, shown through the policy. */
export interface CaseViewModel extends ReadModel {
  readonly name: "caseView";
  /** What `viewer` may see of the case at `now`; { kind: "none" } for an unknown case. */
  query(caseId: string, viewer: Actor, now: string): CaseVisibility;
  /** The case's folded state, for other read models that answer through the policy. */
  stateOf(caseId: string): CaseState | undefined;
  /** The revision of the case stream the state was folded up to (its ETag); -1 when unknown. */
  revisionOf(caseId: string): number;
  /** The organisation's membership of the covenant now (null when it is none), for other models' policies. */
  membershipOf(covenantId: string, organisationId: string): Membership;
}

const NONE: CaseVisibility = { kind: "none" };

/** "What does this case look like to this organisation now?", with the covenants' memberships the policy needs. */
export function createCaseView(): CaseViewModel {
  const cases = new Map<string, CaseState>();
  const revisions = new Map<string, number>();
  // Covenant events hold no personal data; folded here so a withdrawal hides its cases at once.
  const covenants = new Map<string, CovenantState>();
  const membershipIn = (state: CaseState, organisationId: string) => {
    const covenant = state.covenantId === null ? undefined : covenants.get(state.covenantId);
    return covenant === undefined ? null : membershipOf(covenant, organisationId);
  };
  return {
    name: "caseView",
    apply(event: DecodedEvent) {
      if (event.streamId.startsWith("covenant-")) {
        const covenantId = event.data.covenantId;
        if (typeof covenantId !== "string") return;
        const folded = evolveCovenant(
          covenants.get(covenantId) ?? initialCovenantState,
          event as unknown as CovenantEvent,
        );
        if (folded !== undefined) covenants.set(covenantId, folded);
        return;
      }
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
      covenants.clear();
    },
    forgetCase: (caseId) => {
      cases.delete(caseId);
      revisions.delete(caseId);
    },
    query(caseId, viewer, now) {
      const state = cases.get(caseId);
      if (state === undefined) return NONE;
      return caseVisibility(state, viewer, now, membershipIn(state, viewer.organisationId));
    },
    stateOf: (caseId) => cases.get(caseId),
    revisionOf: (caseId) => revisions.get(caseId) ?? -1,
    membershipOf(covenantId, organisationId) {
      const covenant = covenants.get(covenantId);
      return covenant === undefined ? null : membershipOf(covenant, organisationId);
    },
  };
}
