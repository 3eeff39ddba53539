import type { Actor } from "../../domain/index.js";
import { type Reading, type SeenTheme, THEME_WORK_PURPOSE } from "../../privacy/accessRecords.js";
import type { ThemeView, ThemeVisibility } from "../../privacy/policy/themeVisibility.js";
import { recordedThemeRead } from "../../privacy/recordedRead.js";
import { type StatingRequest, statedPurposeOfUse } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";

type Shown = Extract<ThemeVisibility, { kind: "theme" }>;

/** A theme's fields one by one; the case it became only for an organisation that may know that case. */
export function presentTheme(deps: ResourceDeps, viewer: Actor, view: ThemeView) {
  const { caseView } = deps.readModels;
  const knowsCase =
    view.caseId !== null && caseView.query(view.caseId, viewer, deps.now()).kind === "case";
  return {
    themeId: view.themeId,
    covenantId: view.covenantId,
    status: view.status,
    raisedBy: view.raisedBy,
    raisedAt: view.raisedAt,
    category: view.category,
    level: view.level,
    title: view.title,
    description: view.description,
    places: { organisationIds: [...view.placeOrganisationIds], area: view.area },
    audience: { kind: view.audience.kind, organisationIds: [...view.audience.organisationIds] },
    sessionIds: [...view.sessionIds],
    discussions: view.discussions.map((d) => ({
      sessionId: d.sessionId,
      minutes: d.minutes,
      decisions: [...d.decisions],
      discussedAt: d.discussedAt,
    })),
    actions: view.actions.map((a) => ({
      actionId: a.actionId,
      sessionId: a.sessionId,
      what: a.what,
      ownerOrganisationId: a.ownerOrganisationId,
      dueDate: a.dueDate,
      agreedAt: a.agreedAt,
      progress: a.progress.map(({ note, notedAt }) => ({ note, notedAt })),
      outcome: a.outcome,
      completedAt: a.completedAt,
    })),
    caseId: knowsCase ? view.caseId : null,
  };
}

/** A theme route's request: who reads, under which request id, stating which purpose. */
type ThemeRequest = StatingRequest & { requestId: string };

/** The read of themes: by the caller, under its request, now, for the purpose it states (the werkgroep's work unless it states another). */
export const themeReading = (deps: ResourceDeps, request: ThemeRequest): Reading => ({
  actor: request.caller,
  purpose: statedPurposeOfUse(deps, request, THEME_WORK_PURPOSE),
  correlationId: request.requestId,
  now: deps.now(),
});

/** The restricted themes among those shown, with the items shown from each, for the record. */
export function seenThemes(
  shown: readonly Shown[],
  items: (view: ThemeView) => string[] = (view) => [
    `theme:${view.themeId}`,
    ...view.actions.map((a) => `action:${a.actionId}`),
  ],
): SeenTheme[] {
  return shown
    .filter((theme) => theme.restricted)
    .map(({ view }) => ({
      themeId: view.themeId,
      covenantId: view.covenantId,
      itemIds: items(view),
    }));
}

/** Rule 8 for themes: restricted ones on record first, then the answer. */
export function recordedThemes<Answer>(
  deps: ResourceDeps,
  request: ThemeRequest,
  seen: readonly SeenTheme[],
  present: () => Answer,
): Promise<Answer> {
  return recordedThemeRead(deps.accessRecorder, themeReading(deps, request), seen, present);
}
