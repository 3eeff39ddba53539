import {
  type Actor,
  activeMember,
  type CollectiveAction,
  type CovenantState,
  hasRole,
  type ThemeDiscussion,
  type ThemeState,
} from "../../domain/index.js";

/**
 * Who may know of a theme now: the members of its covenant, or only the members it names
 * (the raiser among them), and in either case only while they are members. The one decision
 * for theme reads, theme commands (src/commands/themes.ts) and theme counts.
 */
export function themeAudience(theme: ThemeState, covenant: CovenantState): Set<string> {
  if (theme.status === "none" || covenant.covenantId !== theme.covenantId) return new Set();
  const candidates =
    theme.audience.kind === "covenant"
      ? Object.keys(covenant.members)
      : [...theme.audience.organisationIds, theme.raisedBy ?? ""];
  return new Set(candidates.filter((organisationId) => activeMember(covenant, organisationId)));
}

export type ThemeView = {
  themeId: string;
  covenantId: string;
  status: "raised" | "became-case";
  raisedBy: string;
  raisedAt: string;
  category: string;
  level: string;
  placeOrganisationIds: string[];
  audience: ThemeState["audience"];
  /** The theme's texts; null once it became a case, when it keeps only the link. */
  title: string | null;
  description: string | null;
  area: string | null;
  sessionIds: string[];
  discussions: ThemeDiscussion[];
  actions: CollectiveAction[];
  caseId: string | null;
};

/** A theme as the viewer may see it; `restricted` when its audience is named, so the read is recorded. */
export type ThemeVisibility =
  | { kind: "none" }
  | { kind: "theme"; view: ThemeView; restricted: boolean };

/** Content is for the people who work on themes: professionals and chairs of its audience. */
export function themeVisibility(
  theme: ThemeState,
  covenant: CovenantState,
  viewer: Actor,
): ThemeVisibility {
  const knows =
    hasRole(viewer, "professional", "chair") &&
    themeAudience(theme, covenant).has(viewer.organisationId);
  if (!knows) return { kind: "none" };
  return { kind: "theme", view: viewOf(theme), restricted: theme.audience.kind === "members" };
}

function viewOf(theme: ThemeState): ThemeView {
  const open = theme.status === "raised";
  return {
    themeId: theme.themeId ?? "",
    covenantId: theme.covenantId ?? "",
    status: open ? "raised" : "became-case",
    raisedBy: theme.raisedBy ?? "",
    raisedAt: theme.raisedAt ?? "",
    category: theme.category ?? "",
    level: theme.level ?? "",
    placeOrganisationIds: [...theme.places.organisationIds],
    audience: theme.audience,
    title: open ? theme.title : null,
    description: open ? theme.description : null,
    area: open ? theme.places.area : null,
    sessionIds: theme.agenda.map((item) => item.sessionId),
    discussions: open ? theme.discussions : [],
    actions: open ? Object.values(theme.actions) : [],
    caseId: theme.caseId,
  };
}
