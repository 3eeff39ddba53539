import type { Problem } from "../api/client";

/** Field errors of a 400 by body path (`/subject/name` becomes `subject.name`), one per field. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const entries = (problem?.errors ?? [])
    .filter((error) => error.in === "body")
    .map((error) => [error.path.replace(/^\//, "").replaceAll("/", "."), error.message] as const);
  return Object.fromEntries(entries);
}
