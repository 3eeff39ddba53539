import { commandWriteProblems } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import {
  addendumBody,
  approveMinutesBody,
  correctionBody,
  correctionParams,
  itemParams,
  itemWrittenSchema,
  recordItemBody,
  resolveCorrectionBody,
} from "./schemas.js";
import { answer, runItemCommand } from "./sessionCommands.js";
import { sessionTags } from "./writes.js";

const common = { tags: sessionTags, problems: commandWriteProblems } as const;

/**
 * What happened at one agenda item, written to its case's stream: the ETag and If-Match of
 * these routes are that case's revision (each item shows it as caseRevision).
 */
export function itemWriteRoutes(deps: ResourceDeps): Route[] {
  const record = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}/record",
    summary: "Record an agenda item: who attended it, draft minutes, decisions, agreements (chair)",
    description:
      "Each attendee must be the case's chair organisation or a joined participant (rule attendee-participant) and have acknowledged confidentiality; the minutes are for that item's attendees only (rule 4).",
    params: itemParams,
    body: recordItemBody,
    responses: { 201: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId } = request.params;
    const { agreements = [], ...recorded } = request.body;
    const written = await runItemCommand(deps, request, sessionId, {
      type: "RecordAgendaItem",
      itemId,
      sessionId,
      ...recorded,
      agreements: agreements.map((agreement, i) => ({
        ...agreement,
        agreementId: request.newId(`agreementId-${i}`),
      })),
    });
    return answer(201, sessionId, written, { itemId });
  });

  const approve = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}/minutes/approve",
    summary: "Approve an item's draft minutes, folding corrections in (chair)",
    description: "After approval the minutes are immutable: later changes are addenda.",
    params: itemParams,
    body: approveMinutesBody,
    responses: { 200: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId } = request.params;
    const written = await runItemCommand(deps, request, sessionId, {
      type: "ApproveMinutes",
      itemId,
      ...request.body,
    });
    return answer(200, sessionId, written, { itemId });
  });

  const propose = defineRoute({
    ...common,
    roles: ["professional", "chair"],
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections",
    summary: "Propose the draft minutes as they should read (an attendee of the item)",
    params: itemParams,
    body: correctionBody,
    responses: { 201: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId } = request.params;
    const correctionId = request.newId("correctionId");
    const written = await runItemCommand(deps, request, sessionId, {
      type: "ProposeMinutesCorrection",
      itemId,
      correctionId,
      ...request.body,
    });
    return answer(201, sessionId, written, { itemId, correctionId });
  });

  const resolve = defineRoute({
    ...common,
    roles: ["chair"],
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections/{correctionId}/resolve",
    summary: "Accept (the draft then reads as proposed) or reject a correction (chair)",
    params: correctionParams,
    body: resolveCorrectionBody,
    responses: { 200: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId, correctionId } = request.params;
    const written = await runItemCommand(deps, request, sessionId, {
      type: "ResolveMinutesCorrection",
      itemId,
      correctionId,
      ...request.body,
    });
    return answer(200, sessionId, written, { itemId });
  });

  const addendum = defineRoute({
    ...common,
    roles: ["professional", "chair"],
    method: "post",
    path: "/v1/sessions/{sessionId}/agenda/{itemId}/minutes/addenda",
    summary: "Add an addendum to approved minutes (the chair or an attendee of the item)",
    params: itemParams,
    body: addendumBody,
    responses: { 201: itemWrittenSchema },
  }).handle(async (request) => {
    const { sessionId, itemId } = request.params;
    const addendumId = request.newId("addendumId");
    const written = await runItemCommand(deps, request, sessionId, {
      type: "AddMinutesAddendum",
      itemId,
      addendumId,
      ...request.body,
    });
    return answer(201, sessionId, written, { itemId, addendumId });
  });

  return [record, approve, propose, resolve, addendum];
}
