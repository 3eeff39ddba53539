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
import type { Page, PageRequest } from "../shelved/paging.js";

/** A case as a covenant's list of cases names it: its id and folded state. */
export interface ListedCase {
  caseId: string;
  state: CaseState;
}

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
  /**
   * The covenant's cases that `include` admits, a page at a time in the order they were
   * opened; the page key is the position the case was first seen at.
   */
  casesIn(
    covenantId: string,
    include: (state: CaseState) => boolean,
    page: PageRequest,
  ): Page<ListedCase>;
}

const NONE: CaseVisibility = { kind: "none" };

/** "What does this case look like to this organisation now?", with the covenants' memberships the policy needs. */
export function createCaseView(): CaseViewModel {
  const cases = new Map<string, CaseState>();
  const revisions = new Map<string, number>();
  // Where each case was first seen; the map keeps that order, which is the cases' order of opening.
  const opened = new Map<string, bigint>();
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
      if (!opened.has(caseId)) opened.set(caseId, event.position);
      revisions.set(caseId, event.revision);
    },
    reset: () => {
      cases.clear();
      revisions.clear();
      opened.clear();
      covenants.clear();
    },
    forgetCase: (caseId) => {
      cases.delete(caseId);
      revisions.delete(caseId);
      opened.delete(caseId);
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
    casesIn(covenantId, include, { limit, after }) {
      const items: ListedCase[] = [];
      let last: bigint | undefined;
      for (const [caseId, position] of opened) {
        if (after !== undefined && position <= after.position) continue;
        const state = cases.get(caseId);
        if (state?.covenantId !== covenantId || !include(state)) continue;
        if (items.length === limit) return { items, next: { position: last!, n: 0 } };
        items.push({ caseId, state });
        last = position;
      }
      return { items, next: null };
    },
  };
}
