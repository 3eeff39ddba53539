import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { themeOverviewRoutes } from "./overview.js";
import { themeReadRoutes } from "./reads.js";
import { themeWriteRoutes } from "./writes.js";

/** Themes and collective action (issue 16): signals about a phenomenon, never about a person. */
export function themeRoutes(deps: ResourceDeps): Route[] {
  return [...themeReadRoutes(deps), ...themeWriteRoutes(deps), ...themeOverviewRoutes(deps)];
}
