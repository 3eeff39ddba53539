import { type Actor, type CovenantState, entryOf, type Role } from "../../domain/index.js";

/**
 * Who may audit what (DESIGN.md §3 rules 5–7). Pure: every privacy-officer, subject-report
 * and trends query asks these functions first, and nothing else decides audit access.
 */

/** Whoever asks: an Actor of the domain or the API's Actor (whose roles are read-only). */

const holds = (viewer: Actor, ...roles: Role[]) =>
  roles.some((role) => viewer.roles.includes(role));

/** The covenant facts the decisions need: its id, its chair and its members. */
export type AuditedCovenant = Pick<CovenantState, "covenantId" | "chairOrganisationId" | "members">;

/** What a privacy officer may audit: the whole covenant, or what touched their own organisation. */
export type AuditScope =
  | { kind: "covenant"; covenantId: string }
  | { kind: "organisation"; covenantId: string; organisationId: string };

/** The covenant's privacy officer: the privacy-officer role in the covenant's chair organisation. */
export function isCovenantPrivacyOfficer(viewer: Actor, covenant: AuditedCovenant): boolean {
  return (
    covenant.covenantId !== null &&
    covenant.chairOrganisationId !== null &&
    holds(viewer, "privacy-officer") &&
    viewer.organisationId === covenant.chairOrganisationId
  );
}

/**
 * Rule 5: the chair organisation's privacy officer audits the whole covenant; a member's
 * privacy officer audits its own organisation. A member that withdrew keeps its officer's
 * view, because what it shared and read while a member stays accountable. Null: refused.
 */
export function privacyOfficerScope(viewer: Actor, covenant: AuditedCovenant): AuditScope | null {
  const { covenantId } = covenant;
  if (covenantId === null || !holds(viewer, "privacy-officer")) return null;
  if (isCovenantPrivacyOfficer(viewer, covenant)) return { kind: "covenant", covenantId };
  if (!entryOf(covenant.members, viewer.organisationId)) return null;
  return { kind: "organisation", covenantId, organisationId: viewer.organisationId };
}

/** Rule 5, disclosures: the organisation's officer sees what it shared or received. */
export function disclosureInScope(
  scope: AuditScope,
  disclosure: { covenantId: string; sharedBy: string; recipients: readonly string[] },
): boolean {
  if (disclosure.covenantId !== scope.covenantId) return false;
  if (scope.kind === "covenant") return true;
  return (
    disclosure.sharedBy === scope.organisationId ||
    disclosure.recipients.includes(scope.organisationId)
  );
}

/** Rule 5, reads: the organisation's officer sees reads by its own users. */
export function readInScope(
  scope: AuditScope,
  read: { covenantId: string; organisationId: string },
): boolean {
  if (read.covenantId !== scope.covenantId) return false;
  return scope.kind === "covenant" || read.organisationId === scope.organisationId;
}

/** Rule 6: only the covenant's privacy officer produces the subject access report. */
export const mayProduceSubjectReport = isCovenantPrivacyOfficer;

/** Rule 7: chairs and policy analysts of a current member organisation see the covenant's trends. */
export function mayViewTrends(viewer: Actor, covenant: AuditedCovenant): boolean {
  if (covenant.covenantId === null || !holds(viewer, "chair", "analyst")) return false;
  return entryOf(covenant.members, viewer.organisationId)?.status === "member";
}

/** Rule 7: a trends cell of fewer young people than this is left out entirely. */
export const TRENDS_MIN_CELL = 5;

/** Filters every audit query accepts; a period is [from, to) on the record's own time. */
export interface AuditFilter {
  caseId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

/** True when the instant lies in the filter's period (open ends allowed). */
export function withinPeriod(instant: string, { from, to }: AuditFilter): boolean {
  const at = Date.parse(instant);
  if (from !== undefined && at < Date.parse(from)) return false;
  if (to !== undefined && at >= Date.parse(to)) return false;
  return true;
}

/** Rule 5, visibilityAt: the covenant's officer asks about any organisation, a member's officer about its own. */
export function mayAuditVisibilityOf(
  viewer: Actor,
  covenant: AuditedCovenant,
  organisationId: string,
): boolean {
  const scope = privacyOfficerScope(viewer, covenant);
  if (scope === null) return false;
  return scope.kind === "covenant" || scope.organisationId === organisationId;
}

/** The parties of a case, as far as the audit of its visibility needs them. */
export type CaseParties = {
  chairOrganisationId: string | null;
  participants: Record<string, unknown>;
};

/**
 * Rule 5, visibilityAt: whether the officer may know the case exists at all. The covenant's
 * officer may; a member's officer only when its organisation chairs or ever took part in
 * the case (invited, joined or since gone). Everyone else is told 404, as for no case.
 */
export function mayAuditCase(
  viewer: Actor,
  covenant: AuditedCovenant,
  parties: CaseParties,
): boolean {
  const scope = privacyOfficerScope(viewer, covenant);
  if (scope === null) return false;
  if (scope.kind === "covenant") return true;
  const own = viewer.organisationId;
  return parties.chairOrganisationId === own || entryOf(parties.participants, own) !== undefined;
}
