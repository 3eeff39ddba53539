import { z } from "zod";
import { WORKLIST_PURPOSE } from "../../privacy/accessRecords.js";
import type { CaseVisibility } from "../../privacy/policy/caseVisibility.js";
import { recordedRead } from "../../privacy/recordedRead.js";
import {
  WORKLIST_SECTIONS,
  type WorklistEntry,
  type WorklistQuery,
} from "../../projections/worklist/sections.js";
import { seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";

const entry = z.strictObject({
  kind: z.enum([
    "invitation",
    "share-received",
    "agreement-due",
    "possible-match",
    "session-upcoming",
    "minutes-to-approve",
    "minutes-to-correct",
    "action-due",
  ]),
  caseId: z.string().nullable().describe("Null for a session, which spans cases"),
  sessionId: z.string().optional().describe("Sessions and minutes only"),
  themeId: z.string().optional().describe("Collective actions only: the theme"),
  itemId: z
    .string()
    .describe(
      "The share, agreement, possible match or agenda item; the case for an invitation, the session for a session",
    ),
  link: z.string().describe("Where to read it"),
  date: z.string().describe("When it arrived; for an agreement, the day it falls due"),
  overdue: z.boolean().optional().describe("Agreements only"),
  items: z
    .array(z.strictObject({ itemId: z.string(), caseId: z.string() }))
    .optional()
    .describe("Upcoming sessions only: the agenda items the organisation may attend"),
});
const worklist = z
  .strictObject({
    since: z.string().nullable().describe("Shares after this instant count as new"),
    sections: z.array(z.strictObject({ name: z.string(), entries: z.array(entry) })),
  })
  .meta({
    id: "Worklist",
    description: "What needs the caller's organisation now: ids, links and dates, no content",
  });

const present = ({ shown: _shown, ...entry }: WorklistEntry) => entry;

/** GET /v1/worklist: what needs the caller's organisation now, through the same policy as every read. */
export function worklistRoutes(deps: ResourceDeps): Route[] {
  const list = defineRoute({
    method: "get",
    path: "/v1/worklist",
    summary: "What needs my organisation now",
    description:
      "Invitations waiting, shares received since the organisation last looked (or `since`), its agreements overdue or due within 7 days, minutes to approve (chair) or correct (attendee), upcoming sessions with the agenda items it may attend, its collective actions overdue or due within 7 days, and for a chair the possible subject matches.",
    tags: ["worklist"],
    roles: ["professional", "chair"],
    query: z.strictObject({ since: z.iso.datetime({ offset: true }).optional() }),
    responses: { 200: worklist },
    problems: ["not_yet_consistent"],
  }).handle(async ({ query, caller, requestId }) => {
    const { caseView, accessLog, possibleMatches, sessions, themes } = deps.readModels;
    const now = deps.now();
    const since = query.since ?? (await accessLog.lastLookedAt(caller.organisationId));
    const asked = new Map<string, CaseVisibility>();
    const seen = (caseId: string) => {
      const visible = asked.get(caseId) ?? caseView.query(caseId, caller, now);
      asked.set(caseId, visible);
      return visible;
    };
    const request: WorklistQuery = {
      viewer: caller,
      now,
      since,
      seen,
      index: deps.readModels.worklistIndex,
      possibleMatches,
      sessions,
      themes,
    };
    const sections = Object.entries(WORKLIST_SECTIONS).map(([name, section]) => ({
      name,
      entries: section(request),
    }));
    const items = new Map<string, string[]>();
    for (const [caseId, item] of sections.flatMap((s) => s.entries).flatMap((e) => e.shown)) {
      items.set(caseId, [...(items.get(caseId) ?? []), item]);
    }
    const reading = { actor: caller, purpose: WORKLIST_PURPOSE, correlationId: requestId, now };
    const body = await recordedRead(deps.accessRecorder, reading, seenCases(deps, items), () => ({
      since,
      sections: sections.map(({ name, entries }) => ({ name, entries: entries.map(present) })),
    }));
    return { status: 200, body };
  });
  return [list];
}
