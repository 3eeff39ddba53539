import { type Actor, hasRole } from "../actor.js";
import { Conflict, InvalidCommand, NotFound, NotPermitted } from "../domainError.js";
import { requireText } from "../text.js";
import type { PutThemeOnAgenda, RecordThemeDiscussion } from "./commands.js";
import type { ThemeEvent } from "./events.js";
import { type ExistingTheme, refuseBsnIn, type ThemeContext } from "./guards.js";

/** The werkgroep session a command names: one the actor's organisation chairs, in the theme's covenant. */
function chairedSession(
  actor: Actor,
  theme: ExistingTheme,
  sessionId: string,
  context: ThemeContext,
) {
  if (!hasRole(actor, "chair")) throw new NotPermitted("chair-only", "chair");
  const session = context.session;
  const chaired =
    session !== null &&
    session.sessionId === sessionId &&
    session.status !== "none" &&
    session.chairOrganisationId === actor.organisationId &&
    session.covenantId === theme.covenantId;
  if (!chaired) throw new NotFound("session-exists", sessionId);
  return session;
}

/** A chair puts a theme it may see on the agenda of a session it chairs, before the session ends. */
export function putOnAgenda(
  command: PutThemeOnAgenda,
  theme: ExistingTheme,
  context: ThemeContext,
): ThemeEvent[] {
  const session = chairedSession(command.actor, theme, command.sessionId, context);
  if (session.status === "held" || session.status === "cancelled") {
    throw new Conflict("session-ended", command.sessionId);
  }
  if (theme.agenda.some((item) => item.sessionId === command.sessionId)) {
    throw new Conflict("theme-on-agenda", command.sessionId);
  }
  return [
    {
      type: "ThemePutOnAgenda",
      data: {
        themeId: theme.themeId,
        sessionId: command.sessionId,
        chairOrganisationId: command.actor.organisationId,
        addedAt: command.now,
      },
    },
  ];
}

/** The theme on a session's agenda, or NotFound: minutes and actions belong to a discussion that was planned. */
export function requireOnAgenda(theme: ExistingTheme, sessionId: string): void {
  if (!theme.agenda.some((item) => item.sessionId === sessionId)) {
    throw new NotFound("theme-agenda-exists", sessionId);
  }
}

const decisionsOf = (value: unknown): string[] => {
  const valid = Array.isArray(value) && value.every((d) => typeof d === "string" && d.trim());
  if (!valid) throw new InvalidCommand("theme-decisions");
  return [...(value as string[])];
};

/** The chair records the werkgroep's minutes and decisions on the theme, once per session. */
export function recordDiscussion(
  command: RecordThemeDiscussion,
  theme: ExistingTheme,
  context: ThemeContext,
): ThemeEvent[] {
  const session = chairedSession(command.actor, theme, command.sessionId, context);
  requireOnAgenda(theme, command.sessionId);
  if (session.status === "cancelled") throw new Conflict("session-ended", command.sessionId);
  if (theme.discussions.some((d) => d.sessionId === command.sessionId)) {
    throw new Conflict("theme-discussed", command.sessionId);
  }
  const minutes = requireText(command.minutes, "theme-minutes");
  const decisions = decisionsOf(command.decisions);
  refuseBsnIn("minutes", minutes);
  for (const [i, decision] of decisions.entries()) refuseBsnIn(`decisions.${i}`, decision);
  return [
    {
      type: "ThemeDiscussed",
      data: {
        themeId: theme.themeId,
        sessionId: command.sessionId,
        minutes,
        decisions,
        discussedAt: command.now,
      },
    },
  ];
}
