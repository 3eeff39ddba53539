import { commandWriteProblems } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import {
  agendaItemBody,
  agendaOrderBody,
  itemParams,
  itemWrittenSchema,
  planSessionBody,
  rescheduleBody,
  sessionParams,
  sessionReasonBody,
  sessionWrittenSchema,
} from "./schemas.js";
import { answer, runSessionCommand } from "./sessionCommands.js";

export const sessionTags = ["sessions"] as const;
const common = { tags: sessionTags, roles: ["chair"], problems: commandWriteProblems } as const;

/** The chair plans a session, moves or cancels it, sets its agenda of cases and marks it held. */
export function sessionWriteRoutes(deps: ResourceDeps): Route[] {
  const plan = defineRoute({
    ...common,
    method: "post",
    path: "/v1/sessions",
    summary: "Plan a session of the casustafel (chair)",
    description:
      "The caller's organisation chairs it; the planned organisations must be members of the covenant. Time, place and reasons are about the session: never write about a young person in them.",
    body: planSessionBody,
    responses: { 201: sessionWrittenSchema },
  }).handle(async (request) => {
    const sessionId = request.newId("sessionId");
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "PlanSession",
      ...request.body,
    });
    return answer(201, sessionId, written, {}, `/v1/sessions/${sessionId}`);
  });

  const reschedule = defineRoute({
    ...common,
    method: "post",
    path: "/v1/sessions/{sessionId}/reschedule",
    summary: "Move a session to a new time, with the reason (chair)",
    params: sessionParams,
    body: rescheduleBody,
    responses: { 200: sessionWrittenSchema },
  }).handle(async (request) => {
    const { sessionId } = request.params;
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "RescheduleSession",
      ...request.body,
    });
    return answer(200, sessionId, written, {});
  });

  const cancel = defineRoute({
    ...common,
    method: "post",
    path: "/v1/sessions/{sessionId}/cancel",
    summary: "Cancel a session, with the reason (chair)",
    params: sessionParams,
    body: sessionReasonBody,
    responses: { 200: sessionWrittenSchema },
  }).handle(async (request) => {
    const { sessionId } = request.params;
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "CancelSession",
      ...request.body,
    });
    return answer(200, sessionId, written, {});
  });

  const addItem = defineRoute({
    ...common,
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda",
    summary: "Put a case on the session's agenda, with the question for the table (chair)",
    description:
      "Only an open case the caller's organisation chairs, in the session's covenant; any other case is answered as unknown (404).",
    params: sessionParams,
    body: agendaItemBody,
    responses: { 201: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId } = request.params;
    const itemId = request.newId("itemId");
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "AddAgendaItem",
      itemId,
      ...request.body,
    });
    return answer(201, sessionId, written, { itemId });
  });

  const removeItem = defineRoute({
    ...common,
    method: "delete",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}",
    summary: "Take an item that was not recorded off the agenda (chair)",
    params: itemParams,
    responses: { 200: sessionWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId } = request.params;
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "RemoveAgendaItem",
      itemId,
    });
    return answer(200, sessionId, written, {});
  });

  const reorder = defineRoute({
    ...common,
    method: "put",
    path: "/v1/sessions/{sessionId}/agenda/order",
    summary: "Put the agenda's items in a new order (chair)",
    params: sessionParams,
    body: agendaOrderBody,
    responses: { 200: sessionWrittenSchema },
  }).handle(async (request) => {
    const { sessionId } = request.params;
    const written = await runSessionCommand(deps, request, sessionId, {
      type: "ReorderAgenda",
      ...request.body,
    });
    return answer(200, sessionId, written, {});
  });

  const held = defineRoute({
    ...common,
    method: "post",
    path: "/v1/sessions/{sessionId}/held",
    summary: "Mark the session held once every item on its agenda is recorded (chair)",
    params: sessionParams,
    responses: { 200: sessionWrittenSchema },
  }).handle(async (request) => {
    const { sessionId } = request.params;
    const written = await runSessionCommand(deps, request, sessionId, { type: "MarkSessionHeld" });
    return answer(200, sessionId, written, {});
  });

  return [plan, reschedule, cancel, addItem, reorder, removeItem, held];
}
