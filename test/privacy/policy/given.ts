import type { Actor, CaseEvent, Membership } from "../../../src/domain/index.js";
import { type CaseVisibility, caseVisibility } from "../../../src/privacy/policy/caseVisibility.js";
import { actor, fold, NOW, ORG } from "../../domain/fixtures.js";

// Given/When/Then for the visibility policy: recorded events in, what a viewer sees out.

export const professional = (organisationId: string): Actor =>
  actor(organisationId, "professional");
export const chairUser: Actor = actor(ORG.chair, "chair");

/** A member of the region's covenant since it was established, never withdrawn. */
export const MEMBER: Membership = { resumedAt: null };

/** Given these recorded events, when `viewer` (of an organisation with `membership`) looks at `now`: what the policy lets it see. */
export const given = (events: CaseEvent[]) => ({
  seenBy: (viewer: Actor, now = NOW, membership: Membership = MEMBER): CaseVisibility =>
    caseVisibility(fold(events), viewer, now, membership),
});

export const itemIds = (visibility: CaseVisibility) =>
  visibility.kind === "none" ? [] : visibility.items.map((item) => item.id);
export const shareIds = (visibility: CaseVisibility) =>
  visibility.kind === "case" ? visibility.view.shares.map((share) => share.shareId) : [];
export const minutesOf = (seen: CaseVisibility) =>
  seen.kind === "case" ? seen.view.meetings.map((m) => [m.minutes, m.decisions]) : [];
