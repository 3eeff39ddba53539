import { TUSSENVOEGSEL_WORDS } from "./tussenvoegsels.js";

// How names are folded for matching (DESIGN §3 rule 9; the table is in README, "Matching a
// young person"). Two folds: `exact` forms feed the strong key, which links automatically,
// so they forgive only how a name is typed (case, accents, spaces, punctuation, where the
// tussenvoegsel is written); `loose` forms feed the weak key, which only puts a possible
// match before the chair, so they also forgive the common Dutch spelling variants.

// Letters that Unicode does not decompose into a base letter and an accent.
const LETTERS: Readonly<Record<string, string>> = {
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};
const UNDECOMPOSED = /[ßøæœłđðþı]/g;
// Accents are dropped from Latin letters only: in other scripts a mark can be a vowel.
const LATIN_ACCENTS = /(\p{Script=Latin})\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{M}]+/u;

/** The words of a name: lower case, Latin accents dropped, every non-letter a separator. */
export function nameTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(LATIN_ACCENTS, "$1")
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS[letter] ?? letter)
    .split(SEPARATORS)
    .filter((token) => token !== "");
}

/** A surname split into its tussenvoegsel (as typed, in order) and the name itself. */
export type SurnameParts = { tussenvoegsel: string[]; core: string[] };

const isTussenvoegsel = (token: string) => TUSSENVOEGSEL_WORDS.has(token);
const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, i) => word === b[i]);

/**
 * Finds the tussenvoegsel wherever it was typed: in its own field, in front of the surname
 * ("van der Berg") or behind it as sorted lists write it ("Berg, van der"). Typed both in
 * its field and in the surname, it counts once. The last word is always the name itself.
 */
export function surnameParts(surname: string, tussenvoegsel = ""): SurnameParts {
  const words = nameTokens(surname);
  let start = 0;
  while (start < words.length - 1 && isTussenvoegsel(words[start]!)) start++;
  let end = words.length;
  while (end - 1 > start && isTussenvoegsel(words[end - 1]!)) end--;
  const inSurname = [...words.slice(0, start), ...words.slice(end)];
  const inField = nameTokens(tussenvoegsel);
  const typedTwice = sameWords(inField, inSurname);
  return {
    tussenvoegsel: typedTwice ? inField : [...inField, ...inSurname],
    core: words.slice(start, end),
  };
}

/** Given names, exact: all of them, in order, spacing and hyphens ignored ("Anna-Sophie"). */
export const exactGivenNames = (givenNames: string): string => nameTokens(givenNames).join("");

/**
 * The tussenvoegsel, exact: its words joined ("van der", "Van der", "vander" alike) and a lone
 * "v." read as "van". "vd" stays "vd": it may be "van de", "van den" or "van der", and "van
 * den" stays apart from "van der", because each is a family name of its own.
 */
export function exactTussenvoegsel(words: readonly string[]): string {
  const joined = words.join("");
  return joined === "v" ? "van" : joined;
}

// Each pair spells one sound, or one family's name, two ways; applied in this order.
const SPELLING_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/uy/g, "ui"], // Huysman, Huisman
  [/eij|ei|ij|ey/g, "y"], // Meijer, Meier, Meyer; van Dijk, van Dyk; Heijden, Heiden
  [/x/g, "ks"], // Hendrix, Hendriks
  [/ph/g, "f"], // Philips, Filips
  [/th/g, "t"], // Thijssen, Tijssen
  [/ck/g, "k"], // Decker, Dekker
  [/ae/g, "a"], // Maes, Maas
  [/(\p{L})\1+/gu, "$1"], // Janssen, Jansen
  [/sch$/, "s"], // Bosch, Bos
  [/dt$/, "t"], // Smidt, Smit
  [/d$/, "t"], // Smid, Smit
];

const looseWord = (word: string) =>
  SPELLING_FOLDS.reduce((folded, [pattern, into]) => folded.replace(pattern, into), word);

/**
 * The surname, loose: the name without any tussenvoegsel (so "Vd Berg", "v.d. Berg", "Van den
 * Berg" and "Berg" meet), each word with the spelling folds applied.
 */
export function looseSurname({ core }: SurnameParts): string {
  const names = core.filter((word) => !isTussenvoegsel(word));
  return (names.length > 0 ? names : core).map(looseWord).join("");
}
