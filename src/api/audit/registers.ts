import { type Actor, ERASED } from "../../domain/index.js";
import type { SeenCase } from "../../privacy/accessRecords.js";
import { PRIVACY_AUDIT_PURPOSE } from "../../privacy/accessRecords.js";
import { recordedRead } from "../../privacy/recordedRead.js";
import type { Disclosure } from "../../projections/disclosureRegister/disclosureRegister.js";
import { privacyOfficerCovenant } from "../auditedCovenant.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { nextLink, pageRequested } from "../paging.js";
import type { ResourceDeps } from "../resources.js";
import { presentAccessRecord, presentDisclosure } from "./presenters.js";
import { accessList, disclosureList, pagedAuditQuery } from "./schemas.js";

export const auditTags = ["audit"] as const;

const filterOf = (query: { case?: string; organisation?: string; from?: string; to?: string }) => ({
  caseId: query.case,
  organisationId: query.organisation,
  from: query.from,
  to: query.to,
});

/** Rule 5: the disclosure register and the access log, metadata only, in the officer's scope. */
export function registerRoutes(deps: ResourceDeps): Route[] {
  // The register queries apply the officer's scope themselves; the answer names which it was.
  const scopeOf = (caller: Actor, covenantId: string) =>
    privacyOfficerCovenant(deps, caller, covenantId);

  const disclosures = defineRoute({
    method: "get",
    path: "/v1/audit/disclosures",
    summary: "The disclosure register: who shared which categories with whom, why and when",
    description:
      "The covenant's privacy officer (privacy-officer role of the chair organisation) sees every disclosure; a member's privacy officer sees what its organisation shared or received. Never content. Paged in the order the shares were made: `next` links to the page after.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: pagedAuditQuery,
    responses: { 200: disclosureList },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller, requestId }) => {
    const requested = pageRequested(query, "query");
    const { covenant, scope } = await scopeOf(caller, query.covenant);
    const page = deps.readModels.disclosureRegister.disclosures(
      caller,
      covenant,
      filterOf(query),
      requested,
    );
    const reading = {
      actor: caller,
      purpose: PRIVACY_AUDIT_PURPOSE,
      correlationId: requestId,
      now: deps.now(),
    };
    const body = await recordedRead(
      deps.accessRecorder,
      reading,
      decryptedFieldsSeen(page.items),
      () => ({
        scope,
        items: page.items.map(presentDisclosure),
        next: nextLink("/v1/audit/disclosures", query, page),
      }),
    );
    return { status: 200, body };
  });

  const access = defineRoute({
    method: "get",
    path: "/v1/audit/access",
    summary: "The access log: who read which items of which case, why and when",
    description:
      "The covenant's privacy officer sees every read; a member's privacy officer sees the reads of its own users. `organisation` filters on the reading organisation. Paged, oldest first: `next` links to the page after.",
    tags: auditTags,
    roles: ["privacy-officer"],
    query: pagedAuditQuery,
    responses: { 200: accessList },
    problems: ["validation", "not_found", "organisation_not_permitted", "not_yet_consistent"],
  }).handle(async ({ query, caller }) => {
    const requested = pageRequested(query, "query");
    const { covenant, scope } = await scopeOf(caller, query.covenant);
    const page = await deps.readModels.accessLog.reads(
      caller,
      covenant,
      filterOf(query),
      requested,
    );
    const items = page.items.map(presentAccessRecord);
    return { status: 200, body: { scope, items, next: nextLink("/v1/audit/access", query, page) } };
  });

  return [disclosures, access];
}

/**
 * Rules 5 and 8: the necessity statement and the Wpg justification are stored encrypted, so
 * serving them is a read like any other, recorded once per case; a field that reads
 * "[erased]" discloses nothing and needs none.
 */
function decryptedFieldsSeen(disclosures: readonly Disclosure[]): SeenCase[] {
  const byCase = new Map<string, SeenCase & { itemIds: string[] }>();
  for (const disclosure of disclosures) {
    const items = [
      ...(disclosure.necessity !== ERASED ? [`necessity:${disclosure.shareId}`] : []),
      ...(disclosure.weightyPublicInterest !== null && disclosure.weightyPublicInterest !== ERASED
        ? [`weighty-public-interest:${disclosure.shareId}`]
        : []),
    ];
    if (items.length === 0) continue;
    const { caseId, subjectId, covenantId } = disclosure;
    const seen = byCase.get(caseId) ?? { caseId, subjectId, covenantId, itemIds: [] };
    seen.itemIds.push(...items);
    byCase.set(caseId, seen);
  }
  return [...byCase.values()];
}
