import { caseStreamId, sessionStreamId } from "../../domain/index.js";
import { isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { erasurePreviewView, reportQuery, subjectParams } from "./schemas.js";

export const noSuchSubject = () => new HttpProblem("not_found", "No such subject in this covenant");

/** The young person's records in the covenant, the one named first, each with its cases. */
export function personRecords(deps: ResourceDeps, covenantId: string, subjectId: string) {
  const records = deps.readModels.persons.personOf(covenantId, subjectId).map((id) => ({
    subjectId: id,
    caseIds: deps.readModels.subjectIndex.casesOf(id, covenantId),
  }));
  const [named, ...others] = records;
  if (!named || named.caseIds.length === 0) throw noSuchSubject();
  return { named, others };
}

/**
 * GET /v1/subjects/{subjectId}/erasure-preview: what erasing the young person turns to
 * "[erased]", counted from the sealed fields as stored in their cases and the sessions those
 * were on. Counts and field names only, nothing decrypted, so no read record is needed.
 */
export function erasurePreviewRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/subjects/{subjectId}/erasure-preview",
    summary: 'What erasing a young person turns to "[erased]", counted per kind of record',
    description:
      "For the covenant's privacy officer, before POST /erasure: every personal field sealed under the young person's keys (all its merged records) in its cases and on the agendas of their sessions, per event type and field. Carries no content.",
    tags: ["subjects"],
    roles: ["privacy-officer"],
    params: subjectParams,
    query: reportQuery,
    responses: { 200: erasurePreviewView },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ params, query, caller }) => {
    await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      isCovenantPrivacyOfficer,
      "Only the covenant's privacy officer",
    );
    const { named, others } = personRecords(deps, query.covenant, params.subjectId);
    const records = [named, ...others];
    const caseIds = records.flatMap((record) => record.caseIds);
    const sessionIds = new Set(
      caseIds.flatMap((caseId) => deps.readModels.subjectIndex.sessionsOf(caseId)),
    );
    const kinds = await deps.subjectRecords.sealedFields(
      [...caseIds.map(caseStreamId), ...[...sessionIds].map(sessionStreamId)],
      records.map((record) => record.subjectId),
    );
    const total = kinds.reduce(
      (sum, kind) => sum + Object.values(kind.fields).reduce((a, b) => a + b, 0),
      0,
    );
    return {
      status: 200,
      body: { subjectIds: records.map((r) => r.subjectId), caseIds, total, kinds },
    };
  });
}
