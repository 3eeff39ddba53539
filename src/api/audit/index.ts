import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { auditedCasesRoute } from "./auditedCases.js";
import { integrityRoute } from "./integrity.js";
import { registerRoutes } from "./registers.js";
import { visibilityRoutes } from "./visibility.js";

/** The privacy officer's questions (DESIGN.md §3 rule 5): metadata, never content. */
export function auditRoutes(deps: ResourceDeps): Route[] {
  return [
    ...registerRoutes(deps),
    auditedCasesRoute(deps),
    ...visibilityRoutes(deps),
    integrityRoute(deps),
  ];
}
