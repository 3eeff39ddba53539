import { BSN_KINDS, SCHOOLS } from "../catalogue/kindGroups.js";
import type { CovenantState } from "../covenant/state.js";
import { isCalendarDate } from "../dates.js";
import { InvalidCommand } from "../domainError.js";
import { entryOf } from "../entries.js";
import type { InvalidRule } from "../invalidRules.js";
import { parseBsn } from "./bsn.js";
import { nameTokens } from "./names.js";

/**
 * A young person as a partner identifies them: what they are matched on (rule 9). Every
 * field is personal. The name comes in parts so that matching need not guess which word is
 * the surname; the school is a covenant member organisation, never free text.
 */
export type Identity = {
  givenNames: string;
  tussenvoegsel?: string;
  surname: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Burgerservicenummer, nine digits; only from partner kinds that may use it. */
  bsn?: string;
  /** The member organisation id of the young person's school. */
  schoolId?: string;
};

/** The identity as sent, before validation: optional fields may be absent or blank. */
export type IdentityInput = { [Field in keyof Identity]?: unknown };

/** Who sends the identity, and the covenant it is sent in. */
export type IdentitySource = { covenant: CovenantState; organisationId: string };

const hasLetter = (value: unknown): value is string =>
  typeof value === "string" && nameTokens(value).length > 0;
// An optional field left out, null or blank is absent; anything else is checked.
const absent = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function requireName(value: unknown, rule: InvalidRule): string {
  if (!hasLetter(value)) throw new InvalidCommand(rule);
  return value.trim();
}

/**
 * A BSN is accepted only from a partner kind that may process it (BSN_KINDS); any other
 * partner is refused for the kind before the number is looked at.
 */
function requireBsn(value: unknown, { covenant, organisationId }: IdentitySource): string {
  const kind = entryOf(covenant.members, organisationId)?.partnerKind ?? null;
  if (kind === null || !BSN_KINDS.includes(kind)) {
    throw new InvalidCommand("bsn-partner-kind", kind);
  }
  return parseBsn(value);
}

/** The school must be a school that is a member of the covenant now. */
function requireSchool(value: unknown, { covenant }: IdentitySource): string {
  const member = typeof value === "string" ? entryOf(covenant.members, value) : undefined;
  if (member?.status !== "member" || !SCHOOLS.includes(member.partnerKind)) {
    throw new InvalidCommand("subject-school");
  }
  return member.organisationId;
}

/** Checks an identity as a partner sends it; refusals name the rule, never the value. */
export function identityFrom(input: IdentityInput, source: IdentitySource): Identity {
  const identity: Identity = {
    givenNames: requireName(input.givenNames, "subject-given-names"),
    surname: requireName(input.surname, "subject-surname"),
    dateOfBirth: requireDateOfBirth(input.dateOfBirth),
  };
  if (!absent(input.tussenvoegsel)) {
    identity.tussenvoegsel = requireName(input.tussenvoegsel, "subject-tussenvoegsel");
  }
  if (!absent(input.bsn)) identity.bsn = requireBsn(input.bsn, source);
  if (!absent(input.schoolId)) identity.schoolId = requireSchool(input.schoolId, source);
  return identity;
}

function requireDateOfBirth(value: unknown): string {
  if (!isCalendarDate(value)) throw new InvalidCommand("subject-date-of-birth");
  return value;
}

/** The name as people read it: "Daan van der Berg". */
export const displayName = (identity: Identity): string =>
  [identity.givenNames, identity.tussenvoegsel, identity.surname]
    .filter((part) => part !== undefined)
    .join(" ");
