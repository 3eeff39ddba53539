import { mayAuditCase, mayAuditVisibilityOf } from "../../privacy/policy/audit.js";
import { visibilityAt } from "../../projections/visibilityAt/visibilityAt.js";
import { auditedCovenant, awaitCurrent } from "../auditedCovenant.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { presentVisibility } from "./presenters.js";
import { auditTags } from "./registers.js";
import { visibilityParams, visibilityQuery, visibilityView } from "./schemas.js";

const noSuchCase = () => new HttpProblem("not_found", "No such case");

/**
 * Rule 5: what an organisation could see in a case at a moment, as item ids and categories.
 * The covenant's officer may ask about any organisation; a member's officer only about its
 * own, and only in cases its organisation was part of (others do not exist for it).
 */
export function visibilityRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/audit/cases/{caseId}/visibility",
    summary: "What an organisation could see in a case at a given moment (ids, no content)",
    tags: auditTags,
    roles: ["privacy-officer"],
    params: visibilityParams,
    query: visibilityQuery,
    responses: { 200: visibilityView },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ params, query, caller }) => {
    await awaitCurrent(deps);
    const state = deps.readModels.caseView.stateOf(params.caseId);
    if (!state?.covenantId) throw noSuchCase();
    const covenant = await auditedCovenant(deps, caller, state.covenantId).catch(
      (error: unknown) => {
        throw error instanceof HttpProblem ? noSuchCase() : error;
      },
    );
    if (!mayAuditCase(caller, covenant, state)) throw noSuchCase();
    const organisationId = query.organisation ?? caller.organisationId;
    if (!mayAuditVisibilityOf(caller, covenant, organisationId)) {
      throw new HttpProblem(
        "organisation_not_permitted",
        "A member's privacy officer asks about its own organisation",
      );
    }
    const at = query.at ?? deps.now();
    const seen = await visibilityAt(deps.store, params.caseId, organisationId, at, deps.codec);
    return { status: 200, body: presentVisibility(seen) };
  });
}
