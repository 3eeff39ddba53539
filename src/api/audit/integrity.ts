import { setImmediate as nextTurn } from "node:timers/promises";
import { isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import { type BrokenLink, type VerificationReport, verifyAll } from "../../store/hashChain.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { auditTags } from "./registers.js";
import { integrityQuery, integrityView } from "./schemas.js";

/** Does a stream belong to the covenant? Case, read-record, covenant and subject streams can tell. */
function streamInCovenant(deps: ResourceDeps, streamId: string, covenantId: string): boolean {
  const [kind, ...rest] = streamId.split("-");
  const id = rest.join("-");
  switch (kind) {
    case "case":
    case "access":
      return deps.readModels.caseView.stateOf(id)?.covenantId === covenantId;
    case "covenant":
      return id === covenantId;
    case "subject":
      return deps.readModels.subjectIndex.casesOf(id, covenantId).length > 0;
    default:
      return false;
  }
}

/**
 * Reads of 50 events (about a millisecond of hashing) with a turn of the event loop after each:
 * a check over millions of events runs beside the requests instead of stopping them for a minute.
 */
const CHECK = { pageSize: 50, afterPage: () => nextTurn() };

/** The hash chains of the whole store verified now; broken links named only within the covenant. */
export function integrityRoute(deps: ResourceDeps): Route {
  // A question asked while a check runs gets that check's answer rather than a second full check.
  let running: Promise<VerificationReport> | undefined;
  const verified = () => {
    running ??= verifyAll(deps.store, CHECK).finally(() => {
      running = undefined;
    });
    return running;
  };
  return defineRoute({
    method: "get",
    path: "/v1/audit/integrity",
    summary: "Verify every hash chain in the store and report the first broken link of each",
    description:
      "For the covenant's privacy officer. Chains cover the encrypted data, so they verify after erasure too. The check runs beside other requests; a question asked while one runs gets its answer.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: integrityQuery,
    responses: { 200: integrityView },
    problems: ["not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    await currentAuditedCovenant(
      deps,
      caller,
      query.covenant,
      isCovenantPrivacyOfficer,
      "Only the covenant's privacy officer",
    );
    const report = await verified();
    const mine = (link: BrokenLink) => streamInCovenant(deps, link.streamId, query.covenant);
    const broken = report.broken.filter(mine);
    return {
      status: 200,
      body: {
        streamsChecked: report.streamsChecked,
        eventsChecked: report.eventsChecked,
        intact: report.broken.length === 0,
        broken: broken.map(({ streamId, revision, eventId, reason }) => ({
          streamId,
          revision,
          eventId,
          reason,
        })),
        brokenElsewhere: report.broken.length - broken.length,
      },
    };
  });
}
