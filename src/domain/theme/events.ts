import type { DomainEvent } from "../decider.js";

/** Every theme event names its theme. */
type ThemeEventOf<Type extends string, Data> = DomainEvent<Type, { themeId: string } & Data>;

/** Who may know of a theme: every member of its covenant, or only the organisations named. */
export type ThemeAudience =
  | { kind: "covenant"; organisationIds: [] }
  | { kind: "members"; organisationIds: string[] };

/** Where a phenomenon is seen: member organisations (schools, a youth centre) and/or an area's name. */
export type ThemePlaces = { organisationIds: string[]; area: string | null };

/**
 * A theme is a signal about a phenomenon, never about a young person: knives seen around a
 * station, polarisation in a class. It has no subject; its texts are the raiser's
 * responsibility and are sealed with the theme's own key, so that a theme that turns out to
 * be about one young person keeps only its link to the case opened for them.
 */
export type ThemeRaised = ThemeEventOf<
  "ThemeRaised",
  {
    covenantId: string;
    raisedBy: string;
    title: string;
    description: string;
    category: string;
    level: string;
    places: ThemePlaces;
    audience: ThemeAudience;
    raisedAt: string;
  }
>;
export type ThemePutOnAgenda = ThemeEventOf<
  "ThemePutOnAgenda",
  { sessionId: string; chairOrganisationId: string; addedAt: string }
>;
export type ThemeDiscussed = ThemeEventOf<
  "ThemeDiscussed",
  { sessionId: string; minutes: string; decisions: string[]; discussedAt: string }
>;
export type CollectiveActionAgreed = ThemeEventOf<
  "CollectiveActionAgreed",
  {
    actionId: string;
    sessionId: string | null;
    what: string;
    ownerOrganisationId: string;
    dueDate: string;
    agreedAt: string;
  }
>;
export type CollectiveActionProgressNoted = ThemeEventOf<
  "CollectiveActionProgressNoted",
  { actionId: string; note: string; notedAt: string }
>;
export type CollectiveActionCompleted = ThemeEventOf<
  "CollectiveActionCompleted",
  { actionId: string; outcome: string; completedAt: string }
>;
/** Only the link: the case's subject, identity and signal never enter the theme's stream. */
export type ThemeBecameCase = ThemeEventOf<"ThemeBecameCase", { caseId: string; openedAt: string }>;

export type ThemeEvent =
  | ThemeRaised
  | ThemePutOnAgenda
  | ThemeDiscussed
  | CollectiveActionAgreed
  | CollectiveActionProgressNoted
  | CollectiveActionCompleted
  | ThemeBecameCase;

export type ThemeEventType = ThemeEvent["type"];

export const themeStreamId = (themeId: string) => `theme-${themeId}`;

/** The key a theme's texts are sealed with: the theme's own, since it has no subject. */
export const themeKeyId = (themeId: string) => `theme-${themeId}`;

export const THEME_EVENT_TYPES: readonly ThemeEventType[] = [
  "ThemeRaised",
  "ThemePutOnAgenda",
  "ThemeDiscussed",
  "CollectiveActionAgreed",
  "CollectiveActionProgressNoted",
  "CollectiveActionCompleted",
  "ThemeBecameCase",
];
