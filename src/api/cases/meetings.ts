import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { createdSchema } from "./presenters/written.js";
import { caseParams, meetingParams, recordMeetingBody, scheduleMeetingBody } from "./schemas.js";

const meetingScheduled = createdSchema("meetingId", "MeetingScheduled");

/** The chair schedules the case meeting and records who attended, the minutes and decisions. */
export function meetingRoutes(deps: ResourceDeps): Route[] {
  const schedule = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/meetings",
    summary: "Schedule a case meeting (chair)",
    roles: ["chair"],
    params: caseParams,
    body: scheduleMeetingBody,
    status: 201,
    creates: { idField: "meetingId", schema: meetingScheduled },
    command: ({ body }, meetingId) => ({ type: "ScheduleMeeting", meetingId, ...body }),
  });

  const record = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/meetings/{meetingId}/record",
    summary: "Record a held meeting: attendees, minutes and decisions (chair)",
    description:
      "Every attendee must have acknowledged confidentiality; the minutes are visible only to the attending organisations.",
    roles: ["chair"],
    params: meetingParams,
    body: recordMeetingBody,
    status: 201,
    command: ({ params, body }) => ({
      type: "RecordMeeting",
      meetingId: params.meetingId,
      ...body,
    }),
  });

  return [schedule, record];
}
