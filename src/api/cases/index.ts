import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { agreementRoutes } from "./agreements.js";
import { caseFromThemeRoute } from "./caseFromTheme.js";
import { closureRoutes } from "./closure.js";
import { consentRoutes } from "./consents.js";
import { listCasesRoute } from "./listCases.js";
import { meetingRoutes } from "./meetings.js";
import { openCaseRoute } from "./openCase.js";
import { participantRoutes } from "./participants.js";
import { readCaseRoute } from "./readCase.js";
import { regieRoute } from "./regie.js";
import { shareRoutes } from "./shares.js";
import { raiseSignalRoute } from "./signals.js";

/** Every case resource, in the order a case lives: opened, joined, shared, met, agreed, closed. */
export function caseRoutes(deps: ResourceDeps): Route[] {
  return [
    listCasesRoute(deps),
    openCaseRoute(deps),
    readCaseRoute(deps),
    raiseSignalRoute(deps),
    ...participantRoutes(deps),
    regieRoute(deps),
    ...shareRoutes(deps),
    ...consentRoutes(deps),
    ...meetingRoutes(deps),
    ...agreementRoutes(deps),
    ...closureRoutes(deps),
    caseFromThemeRoute(deps),
  ];
}
