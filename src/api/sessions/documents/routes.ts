import { amsterdamDay } from "../../../domain/dates.js";
import { recordedRead } from "../../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../../caseReads.js";
import { documentResponse } from "../../http/documentResponse.js";
import { defineRoute, type Route } from "../../http/routeDefinition.js";
import { purposeOfUseQuery } from "../../purposeOfUse.js";
import type { ResourceDeps } from "../../resources.js";
import { sessionParams } from "../schemas.js";
import { sessionTags } from "../writes.js";
import { renderAgendaPdf } from "./agendaPdf.js";
import { renderInvite } from "./invite.js";
import { renderMinutesPdf } from "./minutesPdf.js";
import { agendaDocument, minutesDocument, type Shown, sessionHeader } from "./sessionDocuments.js";
import { sessionSources } from "./sessionSources.js";

const declared = {
  tags: sessionTags,
  roles: ["professional", "chair"],
  params: sessionParams,
  query: purposeOfUseQuery,
  problems: ["not_found", "not_yet_consistent"],
} as const;
const recorded = " Every download is recorded in the access log before it leaves.";

/** "casustafel-2026-03-02-agenda.pdf": the day and the kind, never a name or a question. */
const filename = (startsAt: string, kind: string, extension: string) =>
  `casustafel-${amsterdamDay(startsAt)}-${kind}.${extension}`;

/** Rule 8: the cases the document shows are put on record, and only then is it rendered. */
async function recordedDocument<Document>(
  deps: ResourceDeps,
  request: Parameters<typeof caseWorkReading>[1],
  shown: Shown<Document>,
  render: (document: Document) => Promise<Buffer>,
): Promise<Buffer> {
  return recordedRead(
    deps.accessRecorder,
    caseWorkReading(deps, request),
    seenCases(deps, shown.seen),
    () => render(shown.document),
  );
}

/** A session's agenda, its minutes per organisation, and its calendar invite (issue 12). */
export function sessionDocumentRoutes(deps: ResourceDeps): Route[] {
  const agenda = defineRoute({
    ...declared,
    method: "get",
    path: "/v1/sessions/{sessionId}/agenda.pdf",
    summary: "The session's agenda as PDF",
    description: `The agenda items of the cases the caller's organisation may know, in order, with their questions.${recorded}`,
    responses: { 200: documentResponse("application/pdf", "The agenda") },
  }).handle(async (request) => {
    const sources = await sessionSources(deps, request.caller, request.params.sessionId);
    const content = await recordedDocument(deps, request, agendaDocument(sources), renderAgendaPdf);
    const name = filename(sources.session.startsAt, "agenda", "pdf");
    return { status: 200, body: { content, filename: name } };
  });

  const minutes = defineRoute({
    ...declared,
    method: "get",
    path: "/v1/sessions/{sessionId}/minutes.pdf",
    summary: "The session's minutes for the caller's organisation as PDF",
    description: `Minutes, decisions and agreements of the items the caller's organisation attended (rule 4 per item); of the others only their place.${recorded}`,
    responses: { 200: documentResponse("application/pdf", "The minutes") },
  }).handle(async (request) => {
    const sources = await sessionSources(deps, request.caller, request.params.sessionId);
    const content = await recordedDocument(
      deps,
      request,
      minutesDocument(sources),
      renderMinutesPdf,
    );
    const name = filename(sources.session.startsAt, "notulen", "pdf");
    return { status: 200, body: { content, filename: name } };
  });

  const invite = defineRoute({
    ...declared,
    method: "get",
    path: "/v1/sessions/{sessionId}/invite.ics",
    summary: "The session's calendar invite (iCalendar)",
    description:
      "Time, place and a link to the session in the console; no young person and no question, so it shows no case content and leaves no access record. Its UID is stable and its SEQUENCE rises with every change, so a calendar replaces the earlier invite; a cancelled session's invite cancels it.",
    responses: { 200: documentResponse("text/calendar", "The invite") },
  }).handle(async ({ params, caller }) => {
    const sources = await sessionSources(deps, caller, params.sessionId);
    const content = renderInvite({
      header: sessionHeader(sources),
      // A case meeting from before sessions has no stream of its own (-1): it never moved.
      sequence: Math.max(deps.readModels.sessions.revisionOf(params.sessionId), 0),
      consoleLink: `${deps.consoleUrl}/sessies/${params.sessionId}`,
      issuedAt: sources.now,
    });
    const name = filename(sources.session.startsAt, "uitnodiging", "ics");
    return { status: 200, body: { content, filename: name } };
  });

  return [agenda, minutes, invite];
}
