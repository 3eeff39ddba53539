import { hasRole } from "../actor.js";
import { levels } from "../catalogue/levels.js";
import { signalCategories } from "../catalogue/signalCategories.js";
import { activeMember } from "../covenant/state.js";
import {
  Conflict,
  InvalidCommand,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { requireText } from "../text.js";
import type { RaiseTheme } from "./commands.js";
import type { ThemeAudience, ThemeEvent, ThemePlaces } from "./events.js";
import { refuseBsnIn, refuseIdentifyingFields, type ThemeContext } from "./guards.js";
import type { ThemeState } from "./state.js";

const optionalText = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

const idsOf = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((id) => typeof id === "string"))] : [];

function placesOf(command: RaiseTheme, context: ThemeContext): ThemePlaces {
  const organisationIds = idsOf(command.places?.organisationIds);
  const area = optionalText(command.places?.area);
  if (organisationIds.length === 0 && area === null) throw new InvalidCommand("theme-places");
  const outsider = organisationIds.find((id) => !activeMember(context.covenant, id));
  if (outsider !== undefined) throw new Conflict("place-member", outsider);
  return { organisationIds, area };
}

/** Named members always include the raiser, who would otherwise lose sight of its own theme. */
function audienceOf(command: RaiseTheme, context: ThemeContext): ThemeAudience {
  const named = idsOf(command.audience?.organisationIds);
  if (command.audience?.kind === "covenant" && named.length === 0) {
    return { kind: "covenant", organisationIds: [] };
  }
  if (command.audience?.kind !== "members" || named.length === 0) {
    throw new InvalidCommand("theme-audience");
  }
  const outsider = named.find((id) => !activeMember(context.covenant, id));
  if (outsider !== undefined) throw new Conflict("audience-member", outsider);
  const raiser = command.actor.organisationId;
  return { kind: "members", organisationIds: named.includes(raiser) ? named : [raiser, ...named] };
}

/**
 * A professional or chair of a covenant member raises a theme about a phenomenon in one or
 * more places, for the whole covenant or for the members it names. Nothing in it may name a
 * young person: no identifying field, no BSN in its text.
 */
export function raiseTheme(
  command: RaiseTheme,
  state: ThemeState,
  context: ThemeContext,
): ThemeEvent[] {
  const { actor, covenantId, themeId } = command;
  refuseIdentifyingFields(command);
  if (!hasRole(actor, "professional", "chair")) throw new NotPermitted("raise-theme-role");
  if (
    context.covenant.covenantId !== covenantId ||
    !activeMember(context.covenant, actor.organisationId)
  ) {
    throw new OrganisationNotPermitted("covenant-member", actor.organisationId);
  }
  if (state.status !== "none") throw new Conflict("theme-id-taken", themeId);
  const title = requireText(command.title, "theme-title");
  const description = requireText(command.description, "theme-description");
  if (!signalCategories.some((c) => c.id === command.category)) {
    throw new InvalidCommand("signal-category", String(command.category));
  }
  if (!levels.some((l) => l.id === command.level)) {
    throw new InvalidCommand("signal-level", String(command.level));
  }
  const places = placesOf(command, context);
  const audience = audienceOf(command, context);
  refuseBsnIn("title", title);
  refuseBsnIn("description", description);
  refuseBsnIn("places.area", places.area);
  return [
    {
      type: "ThemeRaised",
      data: {
        themeId,
        covenantId,
        raisedBy: actor.organisationId,
        title,
        description,
        category: command.category,
        level: command.level,
        places,
        audience,
        raisedAt: command.now,
      },
    },
  ];
}
