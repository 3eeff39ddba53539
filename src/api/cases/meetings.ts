import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, createdSchema, presentWrite } from "./presenters/written.js";
import { caseParams, meetingParams, recordMeetingBody, scheduleMeetingBody } from "./schemas.js";

const meetingScheduled = createdSchema("meetingId", "MeetingScheduled");

/** The chair schedules the case meeting and records who attended, the minutes and decisions. */
export function meetingRoutes(deps: ResourceDeps): Route[] {
  const schedule = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/meetings",
    summary: "Schedule a case meeting (chair)",
    tags: caseTags,
    roles: ["chair"],
    params: caseParams,
    body: scheduleMeetingBody,
    responses: { 201: meetingScheduled },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId } = request.params;
    const meetingId = request.newId("meetingId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "ScheduleMeeting",
      meetingId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, { meetingId });
  });

  const record = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/meetings/{meetingId}/record",
    summary: "Record a held meeting: attendees, minutes and decisions (chair)",
    description:
      "Every attendee must have acknowledged confidentiality; the minutes are visible only to the attending organisations.",
    tags: caseTags,
    roles: ["chair"],
    params: meetingParams,
    body: recordMeetingBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, meetingId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "RecordMeeting",
      meetingId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, {});
  });

  return [schedule, record];
}
