import { hasRole } from "../actor.js";
import type { Decider } from "../decider.js";
import { InvalidCommand, NotPermitted } from "../domainError.js";
import { agreeAction, completeAction, noteProgress } from "./actions.js";
import type { LinkThemeToCase, ThemeCommand } from "./commands.js";
import type { ThemeEvent } from "./events.js";
import { type ExistingTheme, requireKnownTheme, type ThemeContext } from "./guards.js";
import { raiseTheme } from "./raising.js";
import { evolveTheme, initialThemeState, type ThemeState } from "./state.js";
import { putOnAgenda, recordDiscussion } from "./werkgroep.js";

export function decideTheme(
  command: ThemeCommand,
  state: ThemeState,
  context: ThemeContext,
): ThemeEvent[] {
  if (command.type === "RaiseTheme") return raiseTheme(command, state, context);
  const theme = requireKnownTheme(state, command.themeId, command.actor.organisationId, context);
  switch (command.type) {
    case "PutThemeOnAgenda":
      return putOnAgenda(command, theme, context);
    case "RecordThemeDiscussion":
      return recordDiscussion(command, theme, context);
    case "AgreeCollectiveAction":
      return agreeAction(command, theme, context);
    case "NoteActionProgress":
      return noteProgress(command, theme);
    case "CompleteCollectiveAction":
      return completeAction(command, theme);
    case "LinkThemeToCase":
      return linkToCase(command, theme);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

/** The theme turned out to be about one young person: it keeps only the link to their case. */
function linkToCase(command: LinkThemeToCase, theme: ExistingTheme): ThemeEvent[] {
  if (!hasRole(command.actor, "professional", "chair")) throw new NotPermitted("raise-signal-role");
  return [
    {
      type: "ThemeBecameCase",
      data: { themeId: theme.themeId, caseId: command.caseId, openedAt: command.now },
    },
  ];
}

export const themeDecider: Decider<ThemeCommand, ThemeEvent, ThemeState, ThemeContext> = {
  initialState: initialThemeState,
  evolve: evolveTheme,
  decide: decideTheme,
};
