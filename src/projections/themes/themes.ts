import {
  type Actor,
  type CovenantEvent,
  type CovenantState,
  evolveCovenant,
  evolveTheme,
  initialCovenantState,
  initialThemeState,
  THEME_EVENT_TYPES,
  type ThemeEvent,
  type ThemeState,
} from "../../domain/index.js";
import {
  type ThemeVisibility,
  themeAudience,
  themeVisibility,
} from "../../privacy/policy/themeVisibility.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

/** "Which themes may this organisation see, and what of them?" */
export interface ThemesModel extends ReadModel {
  readonly name: "themes";
  /** What `viewer` may see of the theme now; { kind: "none" } for an unknown or hidden one. */
  query(themeId: string, viewer: Actor): ThemeVisibility;
  /** Every theme of the covenant the viewer may see, latest raised first. */
  list(viewer: Actor, covenantId: string): ThemeVisibility[];
  /** Every theme of every covenant the viewer may see (worklists, the chair's overview). */
  visibleTo(viewer: Actor): ThemeVisibility[];
  /** The covenant's themes the organisation may know of (the same policy), for counts of themes. */
  knownTo(organisationId: string, covenantId: string): ThemeState[];
  /** The theme's covenant as the store holds it now, or undefined. */
  covenantOf(themeId: string): CovenantState | undefined;
  /** The theme stream's revision (its ETag); -1 for an unknown theme. */
  revisionOf(themeId: string): number;
}

const COVENANT_EVENTS = new Set(["CovenantEstablished", "MemberAdmitted", "MemberWithdrawn"]);
const THEME_EVENTS = new Set<string>(THEME_EVENT_TYPES);

const latestFirst = (a: ThemeVisibility, b: ThemeVisibility) =>
  a.kind === "theme" && b.kind === "theme" ? b.view.raisedAt.localeCompare(a.view.raisedAt) : 0;

/** Themes and the membership of their covenants: themes are decided by who is a member now. */
export function createThemes(): ThemesModel {
  const themes = new Map<string, { state: ThemeState; revision: number }>();
  const covenants = new Map<string, CovenantState>();

  const visibility = (theme: ThemeState, viewer: Actor): ThemeVisibility => {
    const covenant = covenants.get(theme.covenantId ?? "");
    return covenant ? themeVisibility(theme, covenant, viewer) : { kind: "none" };
  };
  const shown = (states: Iterable<ThemeState>, viewer: Actor) =>
    [...states]
      .map((state) => visibility(state, viewer))
      .filter((visible) => visible.kind === "theme")
      .sort(latestFirst);

  return {
    name: "themes",
    apply(event: DecodedEvent) {
      if (COVENANT_EVENTS.has(event.type) && event.streamId.startsWith("covenant-")) {
        const covenantId = event.streamId.slice("covenant-".length);
        const before = covenants.get(covenantId) ?? initialCovenantState;
        covenants.set(covenantId, evolveCovenant(before, event as unknown as CovenantEvent));
        return;
      }
      if (!THEME_EVENTS.has(event.type) || typeof event.data.themeId !== "string") return;
      const themeId = event.data.themeId;
      const before = themes.get(themeId)?.state ?? initialThemeState;
      const state = evolveTheme(before, event as unknown as ThemeEvent);
      themes.set(themeId, { state, revision: event.revision });
    },
    reset() {
      themes.clear();
      covenants.clear();
    },
    query(themeId, viewer) {
      const theme = themes.get(themeId);
      return theme ? visibility(theme.state, viewer) : { kind: "none" };
    },
    list(viewer, covenantId) {
      const states = [...themes.values()].map((theme) => theme.state);
      return shown(
        states.filter((state) => state.covenantId === covenantId),
        viewer,
      );
    },
    visibleTo(viewer) {
      return shown(
        [...themes.values()].map((theme) => theme.state),
        viewer,
      );
    },
    knownTo(organisationId, covenantId) {
      const covenant = covenants.get(covenantId);
      if (!covenant) return [];
      return [...themes.values()]
        .map((theme) => theme.state)
        .filter(
          (state) =>
            state.covenantId === covenantId && themeAudience(state, covenant).has(organisationId),
        );
    },
    covenantOf(themeId) {
      return covenants.get(themes.get(themeId)?.state.covenantId ?? "");
    },
    revisionOf(themeId) {
      return themes.get(themeId)?.revision ?? -1;
    },
  };
}
