import type { Actor } from "../../domain/index.js";
import type { ProcessingRecord } from "../../privacy/processing/processingRecord.js";
import type { ProcessingQuery } from "../../projections/processingLog/processingLog.js";
import { privacyOfficerCovenant } from "../auditedCovenant.js";
import { documentResponse } from "../http/documentResponse.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { nextCursor, nextLink, pageRequested } from "../paging.js";
import type { ResourceDeps } from "../resources.js";
import { nenCsv, nenEntryOf } from "./nen7513.js";
import { nenExport, nenQuery, processingQueryBody, processingRecordList } from "./schemas.js";

export const ldvTags = ["ldv"] as const;

/** A record in Logboek Dataverwerkingen's field names; attributes as key-value pairs. */
export function presentProcessingRecord(record: ProcessingRecord) {
  const foreign = record.foreignOperation;
  return {
    trace_id: record.traceId,
    span_id: record.spanId,
    parent_span_id: record.parentSpanId,
    name: record.name,
    start_time: record.startTime,
    end_time: record.endTime,
    status_code: record.statusCode,
    foreign_operation: foreign
      ? { trace_id: foreign.traceId, span_id: foreign.spanId, entity: foreign.entity }
      : null,
    attributes: Object.entries(record.attributes).map(([key, value]) => ({ key, value })),
  };
}

const NEN_PATH = "/v1/ldv/nen7513";
const NEN_CSV_PATH = `${NEN_PATH}.csv`;

const NEEDS_ONE =
  "name at least one of trace_id, processing_activity_id and data_subject_id (LDV read extension)";

/** Reading the processing log the standard way: the LDV read extension's query and the NEN 7513 export. */
export function ldvRoutes(deps: ResourceDeps): Route[] {
  const query = defineRoute({
    method: "post",
    path: "/v1/ldv/processing-activities",
    summary:
      "Processing records by trace, processing activity or data subject (LDV read extension)",
    description:
      "The Logboek Dataverwerkingen records of the covenant in the caller's scope (rule 5: the covenant's privacy officer all of them, a member's privacy officer its own organisation's actions), oldest first. Name at least one of `trace_id`, `processing_activity_id` and `data_subject_id`, else 400; `period` narrows on start_time. Ids and codes only: no user, no content, no plaintext identity.",
    tags: ldvTags,
    roles: ["privacy-officer"],
    body: processingQueryBody,
    responses: { 200: processingRecordList },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
    idempotent: false,
  }).handle(async ({ body, caller }) => {
    if (!body.trace_id && !body.processing_activity_id && !body.data_subject_id) {
      throw new HttpProblem("validation", "A processing query needs a trace, activity or subject", {
        errors: [{ in: "body", path: "", message: NEEDS_ONE }],
      });
    }
    const requested = pageRequested(body, "body");
    const { covenant, scope } = await privacyOfficerCovenant(deps, caller, body.covenant);
    const filter: ProcessingQuery = {
      traceId: body.trace_id,
      processingActivityId: body.processing_activity_id,
      dataSubjectId: body.data_subject_id,
      from: body.period?.from,
      to: body.period?.to,
    };
    const page = await deps.readModels.processingLog.actions(caller, covenant, filter, requested);
    const items = page.items.map((action) => presentProcessingRecord(action.record));
    return { status: 200, body: { scope, items, next_cursor: nextCursor(page) } };
  });

  const nenEntries = async (
    path: string,
    caller: Actor,
    request: {
      covenant: string;
      subject?: string;
      from?: string;
      to?: string;
      limit?: number;
      cursor?: string;
    },
  ) => {
    const requested = pageRequested(request, "query");
    const { covenant, scope } = await privacyOfficerCovenant(deps, caller, request.covenant);
    const filter = { dataSubjectId: request.subject, from: request.from, to: request.to };
    const page = await deps.readModels.processingLog.actions(caller, covenant, filter, requested);
    return { scope, items: page.items.map(nenEntryOf), next: nextLink(path, request, page) };
  };
  const nenDescription =
    "Every processing action in the caller's scope (rule 5) as NEN 7513 log entries: event action (C/R/U/D), date-time, outcome (0 success, 4 refused), user, role and organisation, purpose of use, participant object (the pseudonymous subject), and the authorisation protocol (legal basis and rule).";

  const nenJson = defineRoute({
    method: "get",
    path: NEN_PATH,
    summary: "The processing log as NEN 7513 entries (JSON)",
    description: nenDescription,
    tags: ldvTags,
    roles: ["privacy-officer"],
    query: nenQuery,
    responses: { 200: nenExport },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query: request, caller }) => ({
    status: 200,
    body: await nenEntries(NEN_PATH, caller, request),
  }));

  const nenCsvRoute = defineRoute({
    method: "get",
    path: NEN_CSV_PATH,
    summary: "The processing log as NEN 7513 entries (CSV)",
    description: `${nenDescription} RFC 4180 CSV with a header row; every cell quoted, and a cell that a spreadsheet would run as a formula starts with '. Paged like the JSON: a \`Link: <…>; rel="next"\` header names the next page, absent on the last.`,
    tags: ldvTags,
    roles: ["privacy-officer"],
    query: nenQuery,
    responses: { 200: documentResponse("text/csv", "The NEN 7513 entries") },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query: request, caller }) => {
    const { items, next } = await nenEntries(NEN_CSV_PATH, caller, request);
    const content = nenCsv(items);
    return { status: 200, body: { content, filename: "casustafel-nen7513.csv" }, next };
  });

  return [query, nenJson, nenCsvRoute];
}
