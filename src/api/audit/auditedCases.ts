import { mayAuditCase } from "../../privacy/policy/audit.js";
import { privacyOfficerCovenant } from "../auditedCovenant.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { nextLink, pageRequested } from "../paging.js";
import type { ResourceDeps } from "../resources.js";
import { auditTags } from "./registers.js";
import { auditedCaseList, auditedCasesQuery } from "./schemas.js";

/**
 * Rule 5: the cases a privacy officer may ask about (what an organisation could see, whose
 * art. 15 report), as ids only, so a console lists every one without reading a register.
 */
export function auditedCasesRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/audit/cases",
    summary: "The cases a privacy officer may audit: case and subject ids, never content",
    description:
      "The covenant's privacy officer gets every case of the covenant; a member's privacy officer the cases its organisation chairs or takes part in. Paged in the order the cases were opened: `next` links to the page after.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: auditedCasesQuery,
    responses: { 200: auditedCaseList },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const requested = pageRequested(query, "query");
    const { covenant, scope } = await privacyOfficerCovenant(deps, caller, query.covenant);
    const page = deps.readModels.caseView.casesIn(
      query.covenant,
      (state) => mayAuditCase(caller, covenant, state),
      requested,
    );
    const items = page.items.map(({ caseId, state }) => ({ caseId, subjectId: state.subjectId }));
    return { status: 200, body: { scope, items, next: nextLink("/v1/audit/cases", query, page) } };
  });
}
