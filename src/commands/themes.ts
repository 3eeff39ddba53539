import {
  NotFound,
  type ThemeCommand,
  type ThemeContext,
  type ThemeEvent,
  type ThemeState,
  themeDecider,
  themeKeyId,
  themeStreamId,
} from "../domain/index.js";
import { themeAudience } from "../privacy/policy/themeVisibility.js";
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
  readState,
  type Snapshot,
} from "./handleCommand.js";
import { readSession } from "./sessions.js";

/** The theme as its stream holds it, with the revision a conditional write names. */
export const readTheme = (deps: CommandDeps, themeId: string): Promise<Snapshot<ThemeState>> =>
  readState(deps, themeStreamId(themeId), themeDecider);

/** The theme's covenant now, who may know of the theme (the visibility policy), and the session named. */
async function themeContext(
  deps: CommandDeps,
  state: ThemeState,
  command: ThemeCommand,
): Promise<ThemeContext> {
  const covenantId =
    state.covenantId ?? (command.type === "RaiseTheme" ? command.covenantId : null);
  if (covenantId === null) throw new NotFound("theme-exists", command.themeId);
  const sessionId = "sessionId" in command ? command.sessionId : null;
  const [covenant, session] = await Promise.all([
    loadCovenant(deps, covenantId),
    sessionId === null ? null : readSession(deps, sessionId).then(({ state }) => state),
  ]);
  return { covenant, audience: themeAudience(state, covenant), session };
}

/** Runs a theme command against the theme's stream. */
export function handleThemeCommand(
  deps: CommandDeps,
  command: ThemeCommand,
  options?: HandleOptions,
): Promise<Handled<ThemeEvent, ThemeState>> {
  return handleCommand({
    deps,
    streamId: themeStreamId(command.themeId),
    decider: themeDecider,
    loadContext: (state) => themeContext(deps, state, command),
    command,
    options,
  });
}

/**
 * Once the theme became a case its texts are shredded: the theme's key is deleted, so every
 * copy of its stream reads "[erased]" where the raiser wrote about the phenomenon. Safe to repeat.
 */
export async function shredThemeTexts(
  deps: CommandDeps & { keyStore: { delete(id: string): Promise<void> } },
  themeId: string,
): Promise<void> {
  await deps.keyStore.delete(themeKeyId(themeId));
}
