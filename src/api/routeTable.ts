import { agreementsDueRoutes } from "./agreements/routes.js";
import { auditRoutes } from "./audit/index.js";
import { caseRoutes } from "./cases/index.js";
import { catalogueRoutes } from "./catalogue/routes.js";
import { covenantResourceRoutes } from "./covenants/index.js";
import type { Route } from "./http/routeDefinition.js";
import { registerRoutes as processingRegisterRoutes } from "./ldv/register.js";
import { ldvRoutes } from "./ldv/routes.js";
import { lookupRoute } from "./persons/lookup.js";
import { mergeRoutes } from "./persons/merges.js";
import type { ResourceDeps } from "./resources.js";
import { sessionDocumentRoutes } from "./sessions/documents/routes.js";
import { sessionRoutes } from "./sessions/index.js";
import { subjectRoutes } from "./subjects/routes.js";
import { themeRoutes } from "./themes/index.js";
import { trendsRoutes } from "./trends/routes.js";
import { webhookRoutes } from "./webhooks/routes.js";
import { worklistEventsRoute } from "./worklist/events.js";
import { worklistRoutes } from "./worklist/routes.js";

/** Every resource's routes, in the order the OpenAPI document lists them. */
export function allRoutes(deps: ResourceDeps): Route[] {
  return [
    ...covenantResourceRoutes(deps),
    ...caseRoutes(deps),
    ...agreementsDueRoutes(deps),
    ...sessionRoutes(deps),
    ...sessionDocumentRoutes(deps),
    ...worklistRoutes(deps),
    ...auditRoutes(deps),
    ...ldvRoutes(deps),
    ...processingRegisterRoutes(deps),
    ...subjectRoutes(deps),
    ...mergeRoutes(deps),
    lookupRoute(deps),
    ...trendsRoutes(deps),
    ...themeRoutes(deps),
    ...webhookRoutes(deps),
    worklistEventsRoute(deps),
    ...catalogueRoutes(),
  ];
}
