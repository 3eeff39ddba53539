import type { z } from "zod";
import { mayAuditCase, mayAuditVisibilityOf } from "../../privacy/policy/audit.js";
import { visibilityAt } from "../../projections/visibilityAt/visibilityAt.js";
import { visibilityTimeline } from "../../projections/visibilityAt/visibilityTimeline.js";
import { auditedCovenant, awaitCurrent } from "../auditedCovenant.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route, type RouteRequest } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { presentVisibility, presentVisibilityChanges } from "./presenters.js";
import { auditTags } from "./registers.js";
import {
  visibilityChangesView,
  visibilityParams,
  visibilityQuery,
  visibilityView,
} from "./schemas.js";

const noSuchCase = () => new HttpProblem("not_found", "No such case");

type VisibilityRequest = Pick<
  RouteRequest<z.infer<typeof visibilityParams>, z.infer<typeof visibilityQuery>, unknown>,
  "params" | "query" | "caller"
>;

/**
 * Who may ask about which organisation in which case: the covenant's officer about any
 * organisation; a member's officer only about its own, and only in cases its organisation
 * was part of (others do not exist for it). Answers the organisation and the moment asked.
 */
async function auditedView(deps: ResourceDeps, { params, query, caller }: VisibilityRequest) {
  await awaitCurrent(deps);
  const state = deps.readModels.caseView.stateOf(params.caseId);
  if (!state?.covenantId) throw noSuchCase();
  const covenant = await auditedCovenant(deps, caller, state.covenantId).catch((error: unknown) => {
    throw error instanceof HttpProblem ? noSuchCase() : error;
  });
  if (!mayAuditCase(caller, covenant, state)) throw noSuchCase();
  const organisationId = query.organisation ?? caller.organisationId;
  if (!mayAuditVisibilityOf(caller, covenant, organisationId)) {
    throw new HttpProblem(
      "organisation_not_permitted",
      "A member's privacy officer asks about its own organisation",
    );
  }
  return { organisationId, at: query.at ?? deps.now() };
}

const declared = {
  tags: auditTags,
  roles: ["privacy-officer"],
  params: visibilityParams,
  query: visibilityQuery,
  problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
} as const;

/** Rule 5: what an organisation could see in a case at a moment, and when that changed. */
export function visibilityRoutes(deps: ResourceDeps): Route[] {
  const at = defineRoute({
    ...declared,
    method: "get",
    path: "/v1/audit/cases/{caseId}/visibility",
    summary: "What an organisation could see in a case at a given moment (ids, no content)",
    responses: { 200: visibilityView },
  }).handle(async (request) => {
    const { organisationId, at } = await auditedView(deps, request);
    const { caseId } = request.params;
    const seen = await visibilityAt(deps.store, caseId, organisationId, at, deps.codec);
    return { status: 200, body: presentVisibility(seen) };
  });

  const changes = defineRoute({
    ...declared,
    method: "get",
    path: "/v1/audit/cases/{caseId}/visibility/changes",
    summary: "The events up to a moment after which an organisation's view of a case changed",
    description:
      "The case replayed event by event; each entry names the event, the access then and the items gained and lost (ids and categories, no content). A last entry without an event means time alone changed it (an expiry).",
    responses: { 200: visibilityChangesView },
  }).handle(async (request) => {
    const { organisationId, at } = await auditedView(deps, request);
    const { caseId } = request.params;
    const found = await visibilityTimeline(deps.store, caseId, organisationId, at, deps.codec);
    return { status: 200, body: presentVisibilityChanges(caseId, organisationId, at, found) };
  });

  return [at, changes];
}
