import { z } from "zod";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import { organisationReference } from "../organisationReference.js";
import type { ResourceDeps } from "../resources.js";
import { requireMemberView } from "./memberView.js";

const matchedCase = z.strictObject({
  caseId: z.uuid(),
  subjectId: z.uuid().describe("The young person's pseudonymous id, as a merge names them"),
});

const possibleMatches = z
  .strictObject({
    possibleMatches: z.array(
      z.strictObject({
        matchId: z.uuid(),
        kind: z
          .enum(["bsn", "name-dob", "surname-dob"])
          .describe("The key the two young persons share; surname-dob is a weak match"),
        cases: z
          .tuple([matchedCase, matchedCase])
          .describe("The case intake opened, then the case it may share a young person with"),
        foundAt: z.iso.datetime({ offset: true }),
      }),
    ),
  })
  .meta({
    id: "PossibleMatches",
    description:
      "Cases that may be about one young person (rule 9): ids, the kind of key and when; nothing personal and nothing of either case.",
  });

/** GET /v1/covenants/{covenantId}/possible-matches: the chair's worklist of possible matches. */
export function possibleMatchRoutes(deps: ResourceDeps): Route[] {
  const list = defineRoute({
    method: "get",
    path: "/v1/covenants/{covenantId}/possible-matches",
    summary: "Possible matches: cases that may be about one young person",
    description:
      "For the covenant's chair organisation (chair or privacy officer), which decides whether to merge. Intake notes one when a new case's young person shares only a weak key (surname and date of birth) with another's. Partners of either case never see it.",
    tags: ["covenants"],
    roles: ["chair", "privacy-officer"],
    params: z.object({ covenantId: organisationReference }),
    responses: { 200: possibleMatches },
    problems: ["not_found", "organisation_not_permitted"],
  }).handle(async ({ params, caller }) => {
    const { state } = await requireMemberView(deps, caller, params.covenantId);
    if (caller.organisationId !== state.chairOrganisationId) {
      throw new HttpProblem("organisation_not_permitted", "Only the chair organisation sees these");
    }
    const found = deps.readModels.possibleMatches.query(params.covenantId);
    return {
      status: 200,
      body: {
        possibleMatches: found.map(({ matchId, kind, cases, foundAt }) => ({
          matchId,
          kind,
          cases: [
            { caseId: cases[0].caseId, subjectId: cases[0].subjectId },
            { caseId: cases[1].caseId, subjectId: cases[1].subjectId },
          ],
          foundAt,
        })),
      },
    };
  });
  return [list];
}
