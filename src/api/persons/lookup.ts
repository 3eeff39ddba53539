import { z } from "zod";
import {
  MATCH_STRENGTH,
  type MatchKey,
  type MatchStrength,
  matchKeysOf,
  parseBsn,
} from "../../domain/index.js";
import { SUBJECT_ACCESS_PURPOSE } from "../../privacy/accessRecords.js";
import { isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import { recordedRead } from "../../privacy/recordedRead.js";
import { currentAuditedCovenant } from "../auditedCovenant.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { personTags } from "./merges.js";

const name = z.string().trim().min(1).max(200);

export const lookupBody = z
  .strictObject({
    covenantId: z.uuid(),
    identity: z.union([
      z.strictObject({ bsn: z.string().max(20) }),
      z.strictObject({
        givenNames: name,
        tussenvoegsel: name.optional(),
        surname: name,
        dateOfBirth: z.iso.date(),
      }),
    ]),
  })
  .meta({
    id: "PersonLookup",
    description: "The identity in the body, never in the URL: BSN, or name and date of birth",
  });

const lookupView = z
  .strictObject({
    persons: z.array(
      z.strictObject({
        strength: z.enum(["strong", "weak"]),
        subjectIds: z.array(z.string()),
        caseIds: z.array(z.string()),
      }),
    ),
  })
  .meta({
    id: "PersonLookupResult",
    description: "The young persons found by blind index, strongest match first; ids only",
  });

/** The blind-index keys of what the requester gave; a BSN fails the elfproef as at intake. */
function keysOf(identity: z.output<typeof lookupBody>["identity"]): MatchKey[] {
  if ("bsn" in identity) return [{ kind: "bsn", parts: [parseBsn(identity.bsn)] }];
  return matchKeysOf(identity);
}

/** Rules 6 and 9: the covenant's officer finds the young person a request is about, by blind index only. */
export function lookupRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "post",
    path: "/v1/persons/lookup",
    summary: "Find a young person by identity to answer a data-subject request",
    description:
      "For the covenant's privacy officer. The identity is hashed into the covenant's blind indexes and looked up there; no plaintext is searched or stored. Each case found leaves a read record with the purpose inzageverzoek before the answer.",
    tags: personTags,
    roles: ["privacy-officer"],
    body: lookupBody,
    responses: { 200: lookupView },
    problems: [
      "validation",
      "not_found",
      "organisation_not_permitted",
      "rule_violation",
      "not_yet_consistent",
    ],
  }).handle(async ({ body, caller, requestId }) => {
    const { covenantId } = body;
    await currentAuditedCovenant(
      deps,
      caller,
      covenantId,
      isCovenantPrivacyOfficer,
      "Only the covenant's privacy officer",
    );
    const indexes = deps.identity.indexer.indexesOf(covenantId, keysOf(body.identity));
    const hits = await deps.identity.index.find(covenantId, indexes);
    const strength = new Map<string, MatchStrength>();
    for (const hit of hits) {
      if (strength.get(hit.subjectId) !== "strong") {
        strength.set(hit.subjectId, MATCH_STRENGTH[hit.kind]);
      }
    }
    const persons = new Map<string, { strength: MatchStrength; subjectIds: string[] }>();
    for (const [subjectId, found] of strength) {
      const person = deps.readModels.persons.personOf(covenantId, subjectId);
      const key = [...person].sort()[0]!;
      const known = persons.get(key);
      if (!known) persons.set(key, { strength: found, subjectIds: person });
      else if (found === "strong") known.strength = "strong";
    }
    const answer = [...persons.values()]
      .map((person) => ({
        ...person,
        cases: person.subjectIds.flatMap((subjectId) =>
          deps.readModels.subjectIndex
            .casesOf(subjectId, covenantId)
            .map((caseId) => ({ subjectId, caseId })),
        ),
      }))
      .sort((a, b) => (a.strength === b.strength ? 0 : a.strength === "strong" ? -1 : 1));
    const reading = {
      actor: caller,
      purpose: SUBJECT_ACCESS_PURPOSE,
      now: deps.now(),
      correlationId: requestId,
    };
    const seen = answer.flatMap(({ cases }) =>
      cases.map(({ subjectId, caseId }) => ({
        caseId,
        subjectId,
        covenantId,
        itemIds: [`case:${caseId}`, "subject"],
      })),
    );
    return recordedRead(deps.accessRecorder, reading, seen, () => ({
      status: 200 as const,
      body: {
        persons: answer.map((person) => ({
          strength: person.strength,
          subjectIds: [...person.subjectIds],
          caseIds: person.cases.map((found) => found.caseId),
        })),
      },
    }));
  });
}
