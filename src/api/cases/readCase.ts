import { recordedRead } from "../../privacy/recordedRead.js";
import { caseWorkReading, seenCases } from "../caseReads.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { purposeOfUseQuery } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";
import { caseNotFound } from "./caseCommands.js";
import { caseTags } from "./caseRouteDefaults.js";
import { caseOrInvitationSchema, presentCase, presentInvitation } from "./presenters/caseView.js";
import { caseParams } from "./schemas.js";

/** GET /v1/cases/{caseId}: what the caller's organisation may see now, decided by the policy. */
export function readCaseRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/cases/{caseId}",
    summary: "The caller's view of one case",
    description:
      "Participants and the chair see the case; an invited organisation sees only its invitation; for everyone else the case does not exist (404). Served from the read model: send the Position of your last write as Min-Position to read it. The ETag is the case's revision, for If-Match on writes. Every read is recorded in the access log before the answer leaves.",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: caseParams,
    query: purposeOfUseQuery,
    responses: { 200: caseOrInvitationSchema },
    problems: ["not_found", "not_yet_consistent"],
  }).handle(async (request) => {
    const { params, caller } = request;
    const { caseView } = deps.readModels;
    const state = caseView.stateOf(params.caseId);
    if (!state) throw caseNotFound();
    // The state and its revision come from one fold, so the ETag always matches what is shown.
    const revision = caseView.revisionOf(params.caseId);
    const reading = caseWorkReading(deps, request);
    const visible = caseView.query(params.caseId, caller, deps.now());
    if (visible.kind === "none") throw caseNotFound();
    const seen = seenCases(deps, new Map([[params.caseId, visible.items.map((item) => item.id)]]));
    const body = await recordedRead(deps.accessRecorder, reading, seen, () =>
      visible.kind === "case"
        ? presentCase(visible.view, revision)
        : presentInvitation(visible.invitation, revision),
    );
    return { status: 200, body, etag: revision };
  });
}
