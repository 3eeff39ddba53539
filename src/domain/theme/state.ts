import type { ThemeAudience, ThemeEvent, ThemePlaces } from "./events.js";

/** A collective action: an owner organisation's commitment about a phenomenon, not a person. */
export type CollectiveAction = {
  actionId: string;
  sessionId: string | null;
  what: string;
  ownerOrganisationId: string;
  dueDate: string;
  agreedAt: string;
  progress: { note: string; notedAt: string }[];
  outcome: string | null;
  completedAt: string | null;
};

export type ThemeDiscussion = {
  sessionId: string;
  minutes: string;
  decisions: string[];
  discussedAt: string;
};

export type ThemeState = {
  status: "none" | "raised" | "became-case";
  themeId: string | null;
  covenantId: string | null;
  raisedBy: string | null;
  raisedAt: string | null;
  title: string | null;
  description: string | null;
  category: string | null;
  level: string | null;
  places: ThemePlaces;
  audience: ThemeAudience;
  /** Sessions whose agenda holds the theme, with the organisation that chairs each. */
  agenda: { sessionId: string; chairOrganisationId: string }[];
  discussions: ThemeDiscussion[];
  actions: Record<string, CollectiveAction>;
  /** The case opened from the theme; once set, the theme keeps nothing else of its own. */
  caseId: string | null;
};

export const initialThemeState: ThemeState = {
  status: "none",
  themeId: null,
  covenantId: null,
  raisedBy: null,
  raisedAt: null,
  title: null,
  description: null,
  category: null,
  level: null,
  places: { organisationIds: [], area: null },
  audience: { kind: "covenant", organisationIds: [] },
  agenda: [],
  discussions: [],
  actions: {},
  caseId: null,
};

const withAction = (
  state: ThemeState,
  actionId: string,
  change: (action: CollectiveAction) => CollectiveAction,
): ThemeState => {
  if (!Object.hasOwn(state.actions, actionId)) return state;
  const action = state.actions[actionId] as CollectiveAction;
  return { ...state, actions: { ...state.actions, [actionId]: change(action) } };
};

// Recorded events are facts: evolve never throws, it ignores references it cannot resolve.
export function evolveTheme(state: ThemeState, event: ThemeEvent): ThemeState {
  switch (event.type) {
    case "ThemeRaised": {
      const { raisedAt, ...raised } = event.data;
      return { ...state, ...raised, raisedAt, status: "raised" };
    }
    case "ThemePutOnAgenda": {
      const { sessionId, chairOrganisationId } = event.data;
      return { ...state, agenda: [...state.agenda, { sessionId, chairOrganisationId }] };
    }
    case "ThemeDiscussed": {
      const { themeId: _theme, ...discussion } = event.data;
      return { ...state, discussions: [...state.discussions, discussion] };
    }
    case "CollectiveActionAgreed": {
      const { themeId: _theme, ...agreed } = event.data;
      const action = { ...agreed, progress: [], outcome: null, completedAt: null };
      return { ...state, actions: { ...state.actions, [agreed.actionId]: action } };
    }
    case "CollectiveActionProgressNoted": {
      const { note, notedAt } = event.data;
      return withAction(state, event.data.actionId, (action) => ({
        ...action,
        progress: [...action.progress, { note, notedAt }],
      }));
    }
    case "CollectiveActionCompleted": {
      const { outcome, completedAt } = event.data;
      return withAction(state, event.data.actionId, (action) => ({
        ...action,
        outcome,
        completedAt,
      }));
    }
    case "ThemeBecameCase":
      return { ...state, status: "became-case", caseId: event.data.caseId };
  }
}
