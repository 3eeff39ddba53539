import { randomUUID } from "node:crypto";
import type { ResourceDeps } from "../resources.js";
import { defineRoute, type Route } from "../route.js";
import { runCovenantCommand } from "./covenantCommands.js";
import { presentPurpose, presentSharingRule } from "./presenters.js";
import { covenantTags, covenantWriteProblems } from "./routeOptions.js";
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
  }).handle(async ({ params, body, caller, expectedRevision }) => {
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "AddPurpose",
        purposeId: body.purposeId,
        description: body.description,
      },
    );
    return {
      status: 201,
      body: presentPurpose(written.state, body.purposeId),
      etag: written.revision,
      position: written.position,
    };
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
  }).handle(async ({ params, body, caller, expectedRevision }) => {
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "SetRetention",
        purposeId: params.purposeId,
        yearsAfterClosure: body.yearsAfterClosure,
      },
    );
    return {
      status: 200,
      body: presentPurpose(written.state, params.purposeId),
      etag: written.revision,
      position: written.position,
    };
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
  }).handle(async ({ params, body, caller, expectedRevision }) => {
    const ruleId = body.ruleId ?? randomUUID();
    const { sharerKind, dataCategories, recipientKinds, legalBasisIds } = body;
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "AddSharingRule",
        rule: { ruleId, sharerKind, dataCategories, recipientKinds, legalBasisIds },
      },
    );
    return {
      status: 201,
      body: presentSharingRule(written.state.sharingRules[ruleId]!),
      etag: written.revision,
      position: written.position,
      location: `/v1/covenants/${params.covenantId}/sharing-rules/${ruleId}`,
    };
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
  }).handle(async ({ params, caller, expectedRevision }) => {
    const written = await runCovenantCommand(
      deps,
      { caller, expectedRevision },
      params.covenantId,
      {
        type: "RemoveSharingRule",
        ruleId: params.ruleId,
      },
    );
    return { status: 204, body: undefined, etag: written.revision, position: written.position };
  });

  return [addPurpose, setRetention, addRule, removeRule];
}
