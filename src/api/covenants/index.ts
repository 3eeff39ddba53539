import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseListNamesRoute } from "./caseListNames.js";
import { covenantRoutes } from "./covenant.js";
import { membershipRoutes } from "./membership.js";
import { possibleMatchRoutes } from "./possibleMatches.js";
import { ruleRoutes } from "./rules.js";

/** The covenant and its sub-resources, maintained by admins of the chair organisation. */
export function covenantResourceRoutes(deps: ResourceDeps): Route[] {
  return [
    ...covenantRoutes(deps),
    ...membershipRoutes(deps),
    ...ruleRoutes(deps),
    ...possibleMatchRoutes(deps),
    caseListNamesRoute(deps),
  ];
}
