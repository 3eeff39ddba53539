import { privacyOfficerScope } from "../../privacy/policy/audit.js";
import { HttpProblem } from "../problems.js";
import type { ResourceDeps } from "../resources.js";
import { defineRoute, type Route } from "../route.js";
import { auditedCovenant, awaitCurrent } from "./auditedCovenant.js";
import { presentAccessRecord, presentDisclosure } from "./presenters.js";
import { accessList, auditQuery, disclosureList } from "./schemas.js";

export const auditTags = ["audit"] as const;

const filterOf = (query: { case?: string; organisation?: string; from?: string; to?: string }) => ({
  caseId: query.case,
  organisationId: query.organisation,
  from: query.from,
  to: query.to,
});

/** Rule 5: the disclosure register and the access log, metadata only, in the officer's scope. */
export function registerRoutes(deps: ResourceDeps): Route[] {
  const scopeOf = async (caller: Parameters<typeof privacyOfficerScope>[0], covenantId: string) => {
    await awaitCurrent(deps);
    const covenant = await auditedCovenant(deps, caller, covenantId);
    const scope = privacyOfficerScope(caller, covenant);
    if (scope === null)
      throw new HttpProblem("forbidden", "Only a privacy officer of the covenant");
    return { covenant, scope };
  };

  const disclosures = defineRoute({
    method: "get",
    path: "/v1/audit/disclosures",
    summary: "The disclosure register: who shared which categories with whom, why and when",
    description:
      "The covenant's privacy officer (privacy-officer role of the chair organisation) sees every disclosure; a member's privacy officer sees what its organisation shared or received. Never content.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: auditQuery,
    responses: { 200: disclosureList },
    problems: ["not_found", "forbidden", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const { covenant, scope } = await scopeOf(caller, query.covenant);
    const items = deps.readModels.disclosureRegister.disclosures(caller, covenant, filterOf(query));
    return { status: 200, body: { scope: scope.kind, items: items.map(presentDisclosure) } };
  });

  const access = defineRoute({
    method: "get",
    path: "/v1/audit/access",
    summary: "The access log: who read which items of which case, why and when",
    description:
      "The covenant's privacy officer sees every read; a member's privacy officer sees the reads of its own users. `organisation` filters on the reading organisation.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: auditQuery,
    responses: { 200: accessList },
    problems: ["not_found", "forbidden", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const { covenant, scope } = await scopeOf(caller, query.covenant);
    const items = deps.readModels.accessLog.reads(caller, covenant, filterOf(query));
    return { status: 200, body: { scope: scope.kind, items: items.map(presentAccessRecord) } };
  });

  return [disclosures, access];
}
