import { z } from "zod";
import { CASE_LIST_NAMES } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { answerWrite, runCovenantCommand } from "./covenantCommands.js";
import { covenantTags, covenantWriteProblems } from "./covenantRouteDefaults.js";
import { covenantParams } from "./schemas.js";

const caseListNamesBody = z
  .strictObject({
    shownAs: z
      .enum(CASE_LIST_NAMES)
      .describe("How partners' case lists name the young person: full name or initials"),
  })
  .meta({ id: "SetCaseListNames" });

const caseListNamesView = z
  .strictObject({ covenantId: z.string(), shownAs: z.enum(CASE_LIST_NAMES) })
  .meta({ id: "CaseListNames" });

/** The covenant's choice of how much of the name a case list shows (data minimisation). */
export function caseListNamesRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "put",
    path: "/v1/covenants/{covenantId}/case-list-names",
    summary: "Choose whether case lists show the young person's full name or initials",
    tags: covenantTags,
    roles: ["admin"],
    params: covenantParams,
    body: caseListNamesBody,
    responses: { 200: caseListNamesView },
    problems: covenantWriteProblems,
  }).handle(async (request) => {
    const { covenantId } = request.params;
    const written = await runCovenantCommand(deps, request, covenantId, {
      type: "SetCaseListNames",
      shownAs: request.body.shownAs,
    });
    return answerWrite(200, written, { covenantId, shownAs: written.state.caseListNames });
  });
}
