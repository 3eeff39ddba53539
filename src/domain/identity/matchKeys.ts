import type { Identity } from "./identity.js";
import {
  exactGivenNames,
  exactTussenvoegsel,
  looseSurname,
  nameTokens,
  surnameParts,
} from "./names.js";

/**
 * What a young person is matched on within a covenant (rule 9). A strong key links a signal
 * to the open case automatically; a weak one only puts a possible match before the chair.
 * A wrong link shows one child's case to another child's partners, a missed one costs the
 * chair a look: so only the BSN and the exact full name with date of birth are strong.
 */
export type MatchKind = "bsn" | "name-dob" | "surname-dob";
export type MatchStrength = "strong" | "weak";
export type MatchKey = { kind: MatchKind; parts: readonly string[] };

export const MATCH_STRENGTH: Readonly<Record<MatchKind, MatchStrength>> = {
  bsn: "strong",
  "name-dob": "strong",
  "surname-dob": "weak",
};

// What is typed for a name nobody knows; two unknown children must never meet on it.
const UNKNOWN_NAMES = new Set(["nn", "onbekend", "unknown", "anoniem", "anonymous", "nvt", "onb"]);
const knownName = (folded: string) => folded !== "" && !UNKNOWN_NAMES.has(folded);

/**
 * Initials do not tell twins apart ("J. Jansen" may be Jan or Joost), so a given name typed
 * as initials makes no strong key.
 */
const hasInitials = (givenNames: string) => nameTokens(givenNames).some((word) => word.length < 2);

/**
 * 1 January stands in for an unknown birth date (the BRP's "00-00-2009" read as a date,
 * common for children born abroad): on it, the full name alone is not strong enough.
 */
const standInBirthDate = (dateOfBirth: string) => dateOfBirth.endsWith("-01-01");

/** The keys an identity is found by: the BSN when given, the full name and the surname, each with the birth date. */
export function matchKeysOf(identity: Identity): MatchKey[] {
  const keys: MatchKey[] = [];
  if (identity.bsn !== undefined) keys.push({ kind: "bsn", parts: [identity.bsn] });
  const surname = surnameParts(identity.surname, identity.tussenvoegsel);
  const core = surname.core.join("");
  if (!knownName(core)) return keys;
  const { dateOfBirth } = identity;
  const given = exactGivenNames(identity.givenNames);
  if (knownName(given) && !hasInitials(identity.givenNames) && !standInBirthDate(dateOfBirth)) {
    const tussenvoegsel = exactTussenvoegsel(surname.tussenvoegsel);
    keys.push({ kind: "name-dob", parts: [given, tussenvoegsel, core, dateOfBirth] });
  }
  keys.push({ kind: "surname-dob", parts: [looseSurname(surname), dateOfBirth] });
  return keys;
}
