import { z } from "zod";
import {
  cursorOf,
  MAX_PAGE,
  type Page,
  type PageRequest,
  rowKeyOf,
} from "../projections/shelved/paging.js";
import { HttpProblem } from "./http/problems.js";

/** `limit` and `cursor` on a paged answer: at most MAX_PAGE rows, default MAX_PAGE. */
export const pagingFields = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .optional()
    .describe(`Rows per page, 1 to ${MAX_PAGE} (default ${MAX_PAGE})`),
  cursor: z
    .string()
    .max(64)
    .optional()
    .describe("Where the page starts: the `next` of the page before; opaque"),
};

/** The page a request asks for; a cursor this service did not hand out is a 400 naming it. */
export function pageRequested(
  paging: { limit?: number; cursor?: string },
  where: "query" | "body",
): PageRequest {
  const limit = paging.limit ?? MAX_PAGE;
  if (paging.cursor === undefined) return { limit };
  const after = rowKeyOf(paging.cursor);
  if (!after) {
    throw new HttpProblem("validation", "The cursor is not one this service handed out", {
      errors: [{ in: where, path: "/cursor", message: "not a cursor of this answer" }],
    });
  }
  return { limit, after };
}

/** The link to the page after `page`: the same query with its cursor; null on the last page. */
export function nextLink(
  path: string,
  query: Record<string, string | number | undefined>,
  page: Page<unknown>,
): string | null {
  if (!page.next) return null;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && name !== "cursor") search.set(name, String(value));
  }
  search.set("cursor", cursorOf(page.next));
  return `${path}?${search}`;
}

/** The cursor of the page after `page`, for a query sent in a body; null on the last page. */
export const nextCursor = (page: Page<unknown>) => (page.next ? cursorOf(page.next) : null);
