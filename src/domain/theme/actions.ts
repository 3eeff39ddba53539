import { hasRole } from "../actor.js";
import { activeMember } from "../covenant/state.js";
import { isCalendarDate } from "../dates.js";
import {
  Conflict,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import type {
  AgreeCollectiveAction,
  CompleteCollectiveAction,
  NoteActionProgress,
} from "./commands.js";
import type { ThemeEvent } from "./events.js";
import { type ExistingTheme, refuseBsnIn, type ThemeContext } from "./guards.js";
import type { CollectiveAction } from "./state.js";
import { requireOnAgenda } from "./werkgroep.js";

/**
 * The chair records a collective action agreed on the theme: at a session whose agenda holds
 * it, or (the covenant's chair) between sessions. The owner must be a member that may see the
 * theme, or it could not follow it up.
 */
export function agreeAction(
  command: AgreeCollectiveAction,
  theme: ExistingTheme,
  context: ThemeContext,
): ThemeEvent[] {
  const { actor, actionId, sessionId } = command;
  if (!hasRole(actor, "chair")) throw new NotPermitted("chair-only", "chair");
  if (sessionId === null) {
    if (context.covenant.chairOrganisationId !== actor.organisationId) {
      throw new OrganisationNotPermitted("chair-only", actor.organisationId);
    }
  } else {
    const session = context.session;
    if (session?.sessionId !== sessionId || session.chairOrganisationId !== actor.organisationId) {
      throw new NotFound("session-exists", sessionId);
    }
    requireOnAgenda(theme, sessionId);
  }
  if (entryOf(theme.actions, actionId)) throw new Conflict("action-id-taken", actionId);
  const what = requireText(command.what, "action-what");
  if (!isCalendarDate(command.dueDate)) throw new InvalidCommand("action-due-date");
  const owner = command.ownerOrganisationId;
  if (!activeMember(context.covenant, owner) || !context.audience.has(owner)) {
    throw new Conflict("action-owner-audience", String(owner));
  }
  refuseBsnIn("what", what);
  return [
    {
      type: "CollectiveActionAgreed",
      data: {
        themeId: theme.themeId,
        actionId,
        sessionId,
        what,
        ownerOrganisationId: owner,
        dueDate: command.dueDate,
        agreedAt: command.now,
      },
    },
  ];
}

/** An open action of the theme that the actor's organisation owns. */
function ownedOpenAction(
  theme: ExistingTheme,
  actionId: string,
  organisationId: string,
): CollectiveAction {
  const action = entryOf(theme.actions, actionId);
  if (!action) throw new NotFound("action-exists", actionId);
  if (action.ownerOrganisationId !== organisationId) {
    throw new OrganisationNotPermitted("action-owner-only", organisationId);
  }
  if (action.completedAt !== null) throw new Conflict("action-completed", actionId);
  return action;
}

export function noteProgress(command: NoteActionProgress, theme: ExistingTheme): ThemeEvent[] {
  const action = ownedOpenAction(theme, command.actionId, command.actor.organisationId);
  const note = requireText(command.note, "progress-note");
  refuseBsnIn("note", note);
  return [
    {
      type: "CollectiveActionProgressNoted",
      data: { themeId: theme.themeId, actionId: action.actionId, note, notedAt: command.now },
    },
  ];
}

export function completeAction(
  command: CompleteCollectiveAction,
  theme: ExistingTheme,
): ThemeEvent[] {
  const action = ownedOpenAction(theme, command.actionId, command.actor.organisationId);
  const outcome = requireText(command.outcome, "action-outcome");
  refuseBsnIn("outcome", outcome);
  return [
    {
      type: "CollectiveActionCompleted",
      data: {
        themeId: theme.themeId,
        actionId: action.actionId,
        outcome,
        completedAt: command.now,
      },
    },
  ];
}
