import type { Subject } from "../case/events.js";
import { isCalendarDate } from "../dates.js";
import type { Identity } from "./identity.js";
import { nameTokens } from "./names.js";
import { TUSSENVOEGSEL_WORDS } from "./tussenvoegsels.js";

const isTussenvoegsel = (word: string) => {
  const tokens = nameTokens(word);
  return tokens.length > 0 && tokens.every((token) => TUSSENVOEGSEL_WORDS.has(token));
};

/**
 * A full name typed in one field, split the way a Dutch reader would: the last word is the
 * surname, with the tussenvoegsel words in front of it; the rest are given names. One word
 * is a surname only, which the strong key then does without.
 */
function splitFullName(name: string): Pick<Identity, "givenNames" | "surname"> {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && isTussenvoegsel(words[start - 1]!)) start--;
  if (start < 1) return { givenNames: "", surname: name.trim() };
  return { givenNames: words.slice(0, start).join(" "), surname: words.slice(start).join(" ") };
}

/**
 * The identity a recorded subject is matched on; undefined once erased (its fields read
 * "[erased]"). Subjects recorded before issue 11 have one name field, split by splitFullName.
 */
export function identityOfSubject(subject: Subject): Identity | undefined {
  const { dateOfBirth } = subject;
  if (!isCalendarDate(dateOfBirth)) return undefined;
  if (subject.surname === undefined) return { ...splitFullName(subject.name), dateOfBirth };
  const identity: Identity = {
    givenNames: subject.givenNames ?? "",
    surname: subject.surname,
    dateOfBirth,
  };
  if (subject.tussenvoegsel !== undefined) identity.tussenvoegsel = subject.tussenvoegsel;
  if (subject.bsn !== undefined) identity.bsn = subject.bsn;
  if (subject.schoolId !== undefined) identity.schoolId = subject.schoolId;
  return identity;
}
