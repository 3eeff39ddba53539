import type { z } from "zod";
import { erasePerson } from "../../commands/personErasure.js";
import { isCovenantPrivacyOfficer, mayProduceSubjectReport } from "../../privacy/policy/audit.js";
import { produceSubjectReport } from "../../projections/subjectReport/report.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { documentResponse } from "../http/documentResponse.js";
import { defineRoute, type Route, type RouteRequest } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { erasurePreviewRoute, noSuchSubject, personRecords } from "./erasurePreview.js";
import { presentSubjectReport } from "./presenters.js";
import { renderSubjectReportPdf, reportFilename } from "./reportPdf.js";
import {
  erasureBody,
  erasureView,
  reportQuery,
  subjectParams,
  subjectReportView,
} from "./schemas.js";

const tags = ["subjects"] as const;
type ReportRequest = RouteRequest<
  z.infer<typeof subjectParams>,
  z.infer<typeof reportQuery>,
  unknown
>;

/** Rule 6 and erasure: the covenant's privacy officer answers the data subject's requests. */
export function subjectRoutes(deps: ResourceDeps): Route[] {
  const reportOf = async ({ params, query, caller, requestId }: ReportRequest) => {
    const covenant = await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      mayProduceSubjectReport,
      "Only the covenant's privacy officer",
    );
    const index = deps.readModels.subjectIndex;
    if (index.casesOf(params.subjectId, query.covenant).length === 0) throw noSuchSubject();
    const produced = await produceSubjectReport(
      {
        records: deps.subjectRecords,
        index,
        reads: deps.readModels.accessLog,
        accessRecorder: deps.accessRecorder,
      },
      {
        viewer: caller,
        covenant,
        subjectId: params.subjectId,
        person: deps.readModels.persons.personOf(query.covenant, params.subjectId),
        now: deps.now(),
        correlationId: requestId,
      },
    );
    return presentSubjectReport(produced);
  };
  const reportRoute = {
    tags,
    roles: ["privacy-officer"],
    params: subjectParams,
    query: reportQuery,
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  } as const;

  const report = defineRoute({
    ...reportRoute,
    method: "get",
    path: "/v1/subjects/{subjectId}/report",
    summary: "The subject access report (AVG art. 15) for one young person within a covenant",
    description:
      "For the covenant's privacy officer. It carries case content, so a read record per case is appended before the answer.",
    responses: { 200: subjectReportView },
  }).handle(async (request) => ({ status: 200, body: await reportOf(request) }));

  const reportPdf = defineRoute({
    ...reportRoute,
    method: "get",
    path: "/v1/subjects/{subjectId}/report.pdf",
    summary: "The subject access report (AVG art. 15) as PDF, to hand to the young person",
    description:
      "The same report as /report, recorded as a read the same way; its filename names only the day.",
    responses: { 200: documentResponse("application/pdf", "The art. 15 report") },
  }).handle(async (request) => {
    const view = await reportOf(request);
    const content = await renderSubjectReportPdf(view);
    return { status: 200, body: { content, filename: reportFilename(view.producedAt) } };
  });

  const erase = defineRoute({
    method: "post",
    path: "/v1/subjects/{subjectId}/erasure",
    summary:
      "Erase a young person's personal data in every case of the covenant (crypto-shredding)",
    description:
      'For the covenant\'s privacy officer, with a reason. Personal fields then read "[erased]" everywhere; who shared what, when and why stays.',
    tags,
    roles: ["privacy-officer"],
    params: subjectParams,
    body: erasureBody,
    responses: { 200: erasureView },
    problems: [
      "not_found",
      "organisation_not_permitted",
      "state_conflict",
      "idempotency_key_reused",
      "write_contention",
      "not_yet_consistent",
    ],
  }).handle(async ({ params, body, caller, idempotency }) => {
    await currentAuditedCovenant(
      deps,
      caller,
      body.covenantId,
      isCovenantPrivacyOfficer,
      "Only the covenant's privacy officer",
    );
    const { named, others } = personRecords(deps, body.covenantId, params.subjectId);
    const handled = await erasePerson(
      deps.commands,
      {
        actor: caller,
        now: deps.now(),
        covenantId: body.covenantId,
        named: named,
        others,
        reason: body.reason,
      },
      { idempotency },
    );
    const erased = handled.named.events[0]!.data;
    return {
      status: 200,
      body: {
        subjectId: erased.subjectId,
        subjectIds: [named, ...others].map((record) => record.subjectId),
        covenantId: body.covenantId,
        caseIds: [named, ...others].flatMap((record) => record.caseIds),
        reason: erased.reason,
        erasedAt: erased.erasedAt,
      },
      etag: handled.named.revision,
      position: handled.position ?? undefined,
    };
  });

  return [report, reportPdf, erasurePreviewRoute(deps), erase];
}
