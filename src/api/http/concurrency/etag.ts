import { HttpProblem } from "../problems.js";

/** A revision from `If-Match: "<n>"`, or `"exists"` for `If-Match: *`. */
export type ExpectedRevisionFromHeader = number | "exists";

export function etagFor(revision: number): string {
  return `"${revision}"`;
}

/**
 * Reads If-Match as the expected stream revision. A value that can never match one of our
 * strong ETags (weak, malformed, a list) fails now with 412, as RFC 9110 §13.1.1 asks.
 */
export function parseIfMatch(header: string | undefined): ExpectedRevisionFromHeader | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === "*") return "exists";
  const match = /^"(\d{1,15})"$/.exec(value);
  if (!match) {
    throw new HttpProblem(
      "precondition_failed",
      'If-Match must be one strong ETag such as "3", or *',
    );
  }
  return Number(match[1]);
}
