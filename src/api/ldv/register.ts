import { type Actor, activeMember } from "../../domain/index.js";
import type { ActivityVersion } from "../../privacy/processing/register.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { ldvTags } from "./routes.js";
import { activityVersionView, registerParams, registerView, versionParams } from "./schemas.js";

export function presentActivityVersion(version: ActivityVersion) {
  return {
    uri: version.uri,
    activityId: version.activityId,
    version: version.version,
    validFrom: version.validFrom,
    source: version.source,
    purpose: version.purpose,
    legalBases: [...version.legalBases],
    dataCategories: [...version.dataCategories],
    recipientRoles: [...version.recipientRoles],
    retentionYearsAfterClosure: version.retentionYearsAfterClosure,
  };
}

const registerProblems = ["not_found", "not_yet_consistent"] as const;

/**
 * The processing register (LDV component Register), read-only. It holds no personal data, so
 * every member organisation of the covenant may read it; for anyone else, a withdrawn member
 * too (rule 1), the covenant does not exist.
 */
export function registerRoutes(deps: ResourceDeps): Route[] {
  const member = async (caller: Actor, covenantId: string) => {
    const covenant = await currentAuditedCovenant(deps, caller, covenantId, () => true, "");
    if (!activeMember(covenant, caller.organisationId)) {
      throw new HttpProblem("not_found", "No such covenant");
    }
  };

  const list = defineRoute({
    method: "get",
    path: "/v1/covenants/{covenantId}/processing-activities",
    summary: "The covenant's processing register: every version of every processing activity",
    description:
      "The covenant's purposes and the service's own processing under it as processing activities, each version with its stable URI, purpose, legal bases, data categories, recipients' roles and retention. A change of the covenant's purposes, sharing rules or retention makes a new version; old versions stay. Processing records name the version in force in `dpl.core.processing_activity_id`.",
    tags: ldvTags,
    params: registerParams,
    responses: { 200: registerView },
    problems: registerProblems,
  }).handle(async ({ params, caller }) => {
    await member(caller, params.covenantId);
    const activities = deps.readModels.processingLog.register.activities(params.covenantId);
    return {
      status: 200,
      body: { covenantId: params.covenantId, activities: activities.map(presentActivityVersion) },
    };
  });

  const version = defineRoute({
    method: "get",
    path: "/v1/covenants/{covenantId}/processing-activities/{activityId}/versions/{version}",
    summary: "One version of a processing activity: what a processing record's activity URI names",
    tags: ldvTags,
    params: versionParams,
    responses: { 200: activityVersionView },
    problems: registerProblems,
  }).handle(async ({ params, caller }) => {
    await member(caller, params.covenantId);
    const { register } = deps.readModels.processingLog;
    const found = register.version(params.covenantId, params.activityId, params.version);
    if (!found) throw new HttpProblem("not_found", "No such processing activity version");
    return { status: 200, body: presentActivityVersion(found) };
  });

  return [list, version];
}
