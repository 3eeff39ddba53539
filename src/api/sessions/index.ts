import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { itemWriteRoutes } from "./itemWrites.js";
import { sessionReadRoutes } from "./reads.js";
import { sessionWriteRoutes } from "./writes.js";

/** Sessions of the casustafel: planned and read per organisation, recorded per agenda item. */
export function sessionRoutes(deps: ResourceDeps): Route[] {
  return [...sessionReadRoutes(deps), ...sessionWriteRoutes(deps), ...itemWriteRoutes(deps)];
}
