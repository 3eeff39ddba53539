import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { requireKnownCase, runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { createdSchema, presentWrite } from "./presenters/written.js";
import { caseParams, raiseSignalBody } from "./schemas.js";

const signalRaised = createdSchema("signalId", "SignalRaised");

/** POST /v1/cases/{caseId}/signals: a participant adds a concern to an open case. */
export function raiseSignalRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/signals",
    summary: "Raise another signal in a case",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: caseParams,
    body: raiseSignalBody,
    responses: { 201: signalRaised },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    // A signal to an unknown id would open a new case; a case must exist to be added to.
    const state = await requireKnownCase(deps, request.caller, caseId);
    const signalId = request.newId("signalId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "RaiseSignal",
      signalId,
      subjectId: state.subjectId ?? "",
      covenantId: state.covenantId ?? "",
      ...request.body,
    });
    return presentWrite(201, caseId, written, { signalId });
  });
}
