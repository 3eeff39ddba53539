import type { Actor } from "../actor.js";
import type { ThemeAudience, ThemePlaces } from "./events.js";

/** Every command carries the authenticated actor, the time and every id it creates. */
type ThemeCommandOf<Type extends string, Fields> = {
  type: Type;
  actor: Actor;
  /** ISO-8601 time the command was issued; the domain reads no clock. */
  now: string;
  themeId: string;
} & Fields;

export type RaiseTheme = ThemeCommandOf<
  "RaiseTheme",
  {
    covenantId: string;
    title: string;
    description: string;
    category: string;
    level: string;
    places: ThemePlaces;
    audience: ThemeAudience;
  }
>;
export type PutThemeOnAgenda = ThemeCommandOf<"PutThemeOnAgenda", { sessionId: string }>;
export type RecordThemeDiscussion = ThemeCommandOf<
  "RecordThemeDiscussion",
  { sessionId: string; minutes: string; decisions: string[] }
>;
export type AgreeCollectiveAction = ThemeCommandOf<
  "AgreeCollectiveAction",
  {
    actionId: string;
    sessionId: string | null;
    what: string;
    ownerOrganisationId: string;
    dueDate: string;
  }
>;
export type NoteActionProgress = ThemeCommandOf<
  "NoteActionProgress",
  { actionId: string; note: string }
>;
export type CompleteCollectiveAction = ThemeCommandOf<
  "CompleteCollectiveAction",
  { actionId: string; outcome: string }
>;
export type LinkThemeToCase = ThemeCommandOf<"LinkThemeToCase", { caseId: string }>;

export type ThemeCommand =
  | RaiseTheme
  | PutThemeOnAgenda
  | RecordThemeDiscussion
  | AgreeCollectiveAction
  | NoteActionProgress
  | CompleteCollectiveAction
  | LinkThemeToCase;
