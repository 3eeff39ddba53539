import { type Actor, NotPermitted } from "../../domain/index.js";
import { type AuditedCovenant, privacyOfficerScope } from "../../privacy/policy/audit.js";
import type { Condition } from "./paging.js";

/**
 * Rule 5 as the conditions of a shelved log's query (tables with `covenant_id` and
 * `organisation_id`): the covenant's privacy officer sees the covenant's rows, a member's
 * officer its own organisation's. Throws NotPermitted for anyone else.
 */
export function officerScopeConditions(viewer: Actor, covenant: AuditedCovenant): Condition[] {
  const scope = privacyOfficerScope(viewer, covenant);
  if (scope === null) throw new NotPermitted("privacy-officer", viewer.organisationId);
  const conditions: Condition[] = [["covenant_id = ?", [scope.covenantId]]];
  if (scope.kind === "organisation") {
    conditions.push(["organisation_id = ?", [scope.organisationId]]);
  }
  return conditions;
}
