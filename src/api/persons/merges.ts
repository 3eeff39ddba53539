import { handlePersonCommand } from "../../commands/persons.js";
import { isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import type { MergeEntry } from "../../projections/persons/persons.js";
import { awaitCurrent, currentAuditedCovenant } from "../auditedCovenant.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { linkedCases } from "./linkedCases.js";
import {
  mergeBody,
  mergeList,
  mergeParams,
  mergeRegisterQuery,
  mergeView,
  undoBody,
} from "./schemas.js";

export const personTags = ["persons"] as const;
const writeProblems = [
  "validation",
  "not_found",
  "forbidden",
  "organisation_not_permitted",
  "state_conflict",
  "rule_violation",
  "idempotency_key_reused",
  "write_contention",
  "not_yet_consistent",
] as const;

const presentMerge = (covenantId: string, entry: MergeEntry) => ({
  mergeId: entry.mergeId,
  covenantId,
  linked: entry.linked.map(({ subjectId, caseId }) => ({ subjectId, caseId })),
  reason: entry.reason,
  mergedAt: entry.mergedAt,
  mergedBy: { userId: entry.mergedBy.userId, organisationId: entry.mergedBy.organisationId },
  undone: entry.undone && {
    reason: entry.undone.reason,
    undoneAt: entry.undone.undoneAt,
    undoneBy: {
      userId: entry.undone.undoneBy.userId,
      organisationId: entry.undone.undoneBy.organisationId,
    },
  },
});

/** Rule 9: the chair organisation links two subject records as one young person, and undoes a wrong link. */
export function mergeRoutes(deps: ResourceDeps): Route[] {
  const merge = defineRoute({
    method: "post",
    path: "/v1/persons/merges",
    summary: "Merge two subject records found to be one young person",
    description:
      "For the covenant's chair organisation (chair or privacy-officer role), addressing one case of each record; both cases must be visible to the caller, else 404. From then on erasure, the art. 15 report, retention and trends act on every record of the person. Listed in the register at /v1/audit/merges.",
    tags: personTags,
    roles: ["chair", "privacy-officer"],
    body: mergeBody,
    responses: { 201: mergeView },
    problems: [...writeProblems],
  }).handle(async ({ body, caller, newId, idempotency }) => {
    const linked = await linkedCases(deps, caller, body.covenantId, body.caseIds);
    const handled = await handlePersonCommand(
      deps.commands,
      {
        type: "MergeSubjects",
        actor: caller,
        now: deps.now(),
        mergeId: newId("mergeId"),
        covenantId: body.covenantId,
        linked: linked.map(({ subject, caseId }) => ({ subject, caseId })),
        erased: linked.filter((record) => record.erased).map((record) => record.subject),
        reason: body.reason,
      },
      { idempotency },
    );
    const merged = handled.events[0]!;
    if (merged.type !== "SubjectsMerged") throw new Error("a merge writes SubjectsMerged");
    const { data } = merged;
    return {
      status: 201,
      body: presentMerge(body.covenantId, {
        ...data,
        linked: data.linked.map(({ subject, caseId }) => ({ subjectId: subject, caseId })),
        undone: null,
      }),
      etag: handled.revision,
      position: handled.position ?? undefined,
    };
  });

  const undo = defineRoute({
    method: "post",
    path: "/v1/persons/merges/{mergeId}/undo",
    summary: "Undo a wrong merge: the two records are separate young persons again",
    description:
      "For the covenant's chair organisation, with a reason; both linked cases must still be visible to the caller, else 404.",
    tags: personTags,
    roles: ["chair", "privacy-officer"],
    params: mergeParams,
    body: undoBody,
    responses: { 200: mergeView },
    problems: [...writeProblems],
  }).handle(async ({ params, body, caller, idempotency }) => {
    await awaitCurrent(deps);
    const known = deps.readModels.persons.merge(body.covenantId, params.mergeId);
    if (!known) throw new HttpProblem("not_found", "No such merge in this covenant");
    await linkedCases(
      deps,
      caller,
      body.covenantId,
      known.linked.map((record) => record.caseId),
    );
    const handled = await handlePersonCommand(
      deps.commands,
      {
        type: "UndoMerge",
        actor: caller,
        now: deps.now(),
        mergeId: params.mergeId,
        covenantId: body.covenantId,
        reason: body.reason,
      },
      { idempotency },
    );
    const undone = handled.events[0]!;
    if (undone.type !== "SubjectsMergeUndone")
      throw new Error("an undo writes SubjectsMergeUndone");
    const { reason, undoneAt, undoneBy } = undone.data;
    return {
      status: 200,
      body: presentMerge(body.covenantId, { ...known, undone: { reason, undoneAt, undoneBy } }),
      etag: handled.revision,
      position: handled.position ?? undefined,
    };
  });

  const register = defineRoute({
    method: "get",
    path: "/v1/audit/merges",
    summary: "The disclosure register's merges: which subject records were linked, by whom, why",
    description:
      "A merge lets what one case holds reach the report and erasure of another, so it is registered like a disclosure. For the covenant's privacy officer; ids and codes only.",
    tags: ["audit"],
    roles: ["privacy-officer"],
    query: mergeRegisterQuery,
    responses: { 200: mergeList },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const covenant = await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      isCovenantPrivacyOfficer,
      "Only the covenant's privacy officer",
    );
    const items = deps.readModels.persons.merges(caller, covenant);
    return {
      status: 200,
      body: { items: items.map((entry) => presentMerge(query.covenant, entry)) },
    };
  });

  return [merge, undo, register];
}
