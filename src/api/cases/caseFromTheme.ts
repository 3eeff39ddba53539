import { z } from "zod";
import { takeInSignal } from "../../commands/intake/signalIntake.js";
import { handleThemeCommand, readTheme, shredThemeTexts } from "../../commands/themes.js";
import { Conflict, NotFound } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { intakeDeps } from "../signalIntakeDeps.js";
import { caseWriteProblems } from "./caseRouteDefaults.js";
import { openCaseBody } from "./schemas.js";

const { covenantId: _covenant, ...caseFields } = openCaseBody.shape;
const caseFromThemeBody = z.strictObject(caseFields).meta({
  id: "OpenCaseFromTheme",
  description:
    "The signal about the one young person the theme turned out to be about, as for POST /v1/cases; the case is opened in the theme's covenant.",
});

const themeBecameCase = z
  .strictObject({
    themeId: z.uuid(),
    caseId: z.uuid().describe("The case the signal opened or joined; the theme's only link"),
    outcome: z.enum(["opened-case", "joined-existing-case"]),
  })
  .meta({ id: "ThemeBecameCase" });

/**
 * POST /v1/themes/{themeId}/case: the theme turned out to be about one young person. The
 * signal about them goes through intake like any other (rule 9); the theme records only the
 * case's id, and its own texts are shredded, so no personal data stays in or moves into it.
 */
export function caseFromThemeRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "post",
    path: "/v1/themes/{themeId}/case",
    summary: "Open a case from a theme that turned out to be about one young person",
    description:
      "The body is the signal about the young person, as for POST /v1/cases, in the theme's covenant. Afterwards the theme keeps only the link: its title, description, minutes and actions are shredded (the theme's key is deleted).",
    tags: ["themes"],
    roles: ["professional", "chair"],
    params: z.object({ themeId: z.uuid() }),
    body: caseFromThemeBody,
    responses: { 201: themeBecameCase },
    problems: [...caseWriteProblems, "not_yet_consistent"],
  }).handle(async (request) => {
    const { themeId } = request.params;
    const { caller } = request;
    const { state } = await readTheme(deps.commands, themeId);
    const visible = deps.readModels.themes.query(themeId, caller);
    if (visible.kind !== "theme" || state.covenantId === null) {
      throw new NotFound("theme-exists", themeId);
    }
    // Refused before the intake, so a second case is never opened for a theme already linked;
    // only a keyed retry goes on, and its intake answers as the first time.
    if (state.caseId !== null && request.idempotency === undefined) {
      throw new Conflict("theme-became-case", themeId);
    }
    const newCaseId = request.newId("caseId");
    const taken = await takeInSignal(intakeDeps(deps), {
      ...request.body,
      actor: caller,
      now: deps.now(),
      caseId: newCaseId,
      signalId: request.newId("signalId"),
      subjectId: request.newId("subjectId"),
      newMatchId: (n) => request.newId(`possibleMatch:${n}`),
      covenantId: state.covenantId,
      idempotency: request.idempotency,
    });
    const caseId = taken.outcome === "opened-case" ? newCaseId : taken.caseId;
    if (state.caseId !== null && state.caseId !== caseId) {
      throw new Conflict("theme-became-case", themeId);
    }
    if (state.caseId === null) {
      await handleThemeCommand(deps.commands, {
        type: "LinkThemeToCase",
        themeId,
        caseId,
        actor: caller,
        now: deps.now(),
      });
    }
    await shredThemeTexts(deps.commands, themeId);
    return { status: 201, body: { themeId, caseId, outcome: taken.outcome } };
  });
}
