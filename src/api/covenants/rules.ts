import { entryOf } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { answerWrite, runCovenantCommand } from "./covenantCommands.js";
import { covenantTags, covenantWriteProblems } from "./covenantRouteDefaults.js";
import { presentPurpose, presentSharingRule } from "./presenters.js";
import {
  covenantParams,
  purposeBody,
  purposeView,
  retentionBody,
  retentionParams,
  ruleParams,
  sharingRuleBody,
  sharingRuleView,
} from "./schemas.js";

/** Purposes, their retention and the sharing rules: what every share is checked against. */
export function ruleRoutes(deps: ResourceDeps): Route[] {
  const addPurpose = defineRoute({
    method: "post",
    path: "/v1/covenants/{covenantId}/purposes",
    summary: "Add a purpose the partners may share for",
    tags: covenantTags,
    roles: ["admin"],
    params: covenantParams,
    body: purposeBody,
    responses: { 201: purposeView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { purposeId, description } = request.body;
    const written = await runCovenantCommand(deps, request, request.params.covenantId, {
      type: "AddPurpose",
      purposeId,
      description,
    });
    return answerWrite(201, written, presentPurpose(written.state, purposeId));
  });

  const setRetention = defineRoute({
    method: "put",
    path: "/v1/covenants/{covenantId}/retention/{purposeId}",
    summary: "Set how long a purpose's case data are kept after closure",
    tags: covenantTags,
    roles: ["admin"],
    params: retentionParams,
    body: retentionBody,
    responses: { 200: purposeView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { covenantId, purposeId } = request.params;
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "SetRetention",
      purposeId,
      yearsAfterClosure: request.body.yearsAfterClosure,
    });
    return answerWrite(200, written, presentPurpose(written.state, purposeId));
  });

  const addRule = defineRoute({
    method: "post",
    path: "/v1/covenants/{covenantId}/sharing-rules",
    summary: "Add a sharing rule: sharer kind, data categories, recipient kinds, legal bases",
    tags: covenantTags,
    roles: ["admin"],
    params: covenantParams,
    body: sharingRuleBody,
    responses: { 201: sharingRuleView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { covenantId } = request.params;
    const ruleId = request.body.ruleId ?? request.newId("ruleId");
    const { sharerKind, dataCategories, recipientKinds, legalBasisIds } = request.body;
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "AddSharingRule",
      rule: { ruleId, sharerKind, dataCategories, recipientKinds, legalBasisIds },
    });
    const rule = presentSharingRule(entryOf(written.state.sharingRules, ruleId)!);
    return answerWrite(201, written, rule, `/v1/covenants/${covenantId}/sharing-rules/${ruleId}`);
  });

  const removeRule = defineRoute({
    method: "delete",
    path: "/v1/covenants/{covenantId}/sharing-rules/{ruleId}",
    summary: "Remove a sharing rule; shares made under it stay as they were",
    tags: covenantTags,
    roles: ["admin"],
    params: ruleParams,
    responses: { 204: null },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { covenantId, ruleId } = request.params;
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "RemoveSharingRule",
      ruleId,
    });
    return answerWrite(204, written, undefined);
  });

  return [addPurpose, setRetention, addRule, removeRule];
}
