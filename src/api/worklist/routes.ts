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
  kind: z.enum(["invitation", "share-received", "agreement-due", "possible-match"]),
  caseId: z.string(),
  itemId: z.string().describe("The share, agreement or possible match; the case for an invitation"),
  link: z.string().describe("Where to read it"),
  date: z.string().describe("When it arrived; for an agreement, the day it falls due"),
  overdue: z.boolean().optional().describe("Agreements only"),
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

const present = ({ shownItem: _shown, ...shown }: WorklistEntry) => shown;

/** GET /v1/worklist: what needs the caller's organisation now, through the same policy as every read. */
export function worklistRoutes(deps: ResourceDeps): Route[] {
  const list = defineRoute({
    method: "get",
    path: "/v1/worklist",
    summary: "What needs my organisation now",
    description:
      "Invitations waiting, shares received since the organisation last looked (or `since`), its agreements overdue or due within 7 days, and for a chair the possible subject matches.",
    tags: ["worklist"],
    roles: ["professional", "chair"],
    query: z.strictObject({ since: z.iso.datetime({ offset: true }).optional() }),
    responses: { 200: worklist },
    problems: ["not_yet_consistent"],
  }).handle(async ({ query, caller, requestId }) => {
    const { caseView, worklistIndex, possibleMatches } = deps.readModels;
    const now = deps.now();
    const since = query.since ?? worklistIndex.lastLookedAt(caller.organisationId);
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
      index: worklistIndex,
      possibleMatches,
    };
    const sections = Object.entries(WORKLIST_SECTIONS).map(([name, section]) => ({
      name,
      entries: section(request),
    }));
    const items = new Map<string, string[]>();
    for (const shown of sections.flatMap((s) => s.entries)) {
      if (shown.shownItem === null) continue;
      items.set(shown.caseId, [...(items.get(shown.caseId) ?? []), shown.shownItem]);
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
