import type { CovenantState } from "../covenant/state.js";
import { Conflict, InvalidCommand, NotFound } from "../domainError.js";
import { passesElfproef } from "../identity/bsn.js";
import type { SessionState } from "../session/state.js";
import type { ThemeState } from "./state.js";

/**
 * What a theme command is decided against besides the theme: its covenant now, the
 * organisations that may know of the theme now (the visibility policy's answer, src/privacy),
 * and the session a command names.
 */
export type ThemeContext = {
  covenant: CovenantState;
  audience: ReadonlySet<string>;
  session: SessionState | null;
};

export type ExistingTheme = ThemeState & { themeId: string; covenantId: string; raisedBy: string };

/** Rule 1 for themes: an organisation outside the theme's audience may not know of it. */
export function requireKnownTheme(
  state: ThemeState,
  themeId: string,
  organisationId: string,
  context: ThemeContext,
): ExistingTheme {
  if (state.status === "none" || !context.audience.has(organisationId)) {
    throw new NotFound("theme-exists", themeId);
  }
  if (state.status === "became-case") throw new Conflict("theme-became-case", themeId);
  return state as ExistingTheme;
}

/** Fields that would make a theme about a young person; a theme refuses each by name. */
export const IDENTIFYING_FIELDS = [
  "subject",
  "subjectId",
  "bsn",
  "name",
  "givenNames",
  "tussenvoegsel",
  "surname",
  "initials",
  "dateOfBirth",
  "birthDate",
  "address",
  "school",
  "schoolId",
  "contact",
  "pupil",
  "youngPerson",
] as const;

/** The first identifying field the command carries, read from its own keys only. */
export function refuseIdentifyingFields(command: object): void {
  const found = IDENTIFYING_FIELDS.find((field) => Object.hasOwn(command, field));
  if (found) throw new InvalidCommand("theme-identifies-person", found);
}

// Nine digits, alone or grouped as people write a BSN ("1234.56.782", "123 456 782").
const NUMBER_LIKE_BSN = /(?<!\d)\d(?:[\s.]?\d){8}(?!\d)/g;

/** Text that holds a number passing the elfproef names a person: refused, naming the field only. */
export function refuseBsnIn(field: string, text: string | null): void {
  if (text === null) return;
  for (const match of text.matchAll(NUMBER_LIKE_BSN)) {
    if (passesElfproef(match[0].replace(/[\s.]/g, "")))
      throw new InvalidCommand("theme-bsn", field);
  }
}
