// A necessity statement must say why this share is needed, not merely that it is.

const MIN_LENGTH = 40;
const MIN_DISTINCT_WORDS = 6;
const BOILERPLATE = new Set([
  "noodzakelijk",
  "noodzakelijk voor de casus",
  "noodzakelijk voor het overleg",
  "in het belang van de jongere",
  "zie dossier",
  "nvt",
  "n v t",
  "necessary",
  "needed for the case",
  "in the best interest of the child",
]);

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Substantive: long enough, more than a few distinct words, and not a stock phrase. */
export function isSubstantiveNecessity(statement: unknown): boolean {
  if (typeof statement !== "string") return false;
  const text = normalise(statement);
  if (text.length < MIN_LENGTH || BOILERPLATE.has(text)) return false;
  return new Set(text.split(" ")).size >= MIN_DISTINCT_WORDS;
}
