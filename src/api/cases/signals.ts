import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { requireKnownCase } from "./caseCommands.js";
import { createdSchema } from "./presenters/written.js";
import { caseParams, raiseSignalBody } from "./schemas.js";

const signalRaised = createdSchema("signalId", "SignalRaised");

/** POST /v1/cases/{caseId}/signals: a participant adds a concern to an open case. */
export function raiseSignalRoute(deps: ResourceDeps): Route {
  return caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/signals",
    summary: "Raise another signal in a case",
    roles: ["professional", "chair"],
    params: caseParams,
    body: raiseSignalBody,
    status: 201,
    creates: { idField: "signalId", schema: signalRaised },
    async command({ caller, params, body }, signalId) {
      // A signal to an unknown id would open a new case; a case must exist to be added to.
      const state = await requireKnownCase(deps, caller, params.caseId);
      return {
        type: "RaiseSignal",
        signalId,
        subjectId: state.subjectId ?? "",
        covenantId: state.covenantId ?? "",
        ...body,
      };
    },
  });
}
