import type { Request } from "express";
import type { z } from "zod";
import { zodFieldErrors } from "./problemMapping.js";
import { type FieldError, HttpProblem } from "./problems.js";

const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 32;

/** Keys that could reach an object's prototype in a careless merge are refused outright. */
export function dangerousKeys(value: unknown, path = "", depth = 0): FieldError[] {
  if (value === null || typeof value !== "object") return [];
  if (depth > MAX_DEPTH)
    return [{ in: "body", path, message: `nested deeper than ${MAX_DEPTH} levels` }];
  const found: FieldError[] = [];
  for (const key of Object.keys(value)) {
    const child = `${path}/${key}`;
    if (forbiddenKeys.has(key))
      found.push({ in: "body", path: child, message: "this key is not allowed" });
    else found.push(...dangerousKeys((value as Record<string, unknown>)[key], child, depth + 1));
  }
  return found;
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: FieldError["in"]) {
  if (!schema) return { data: undefined as T, errors: [] as FieldError[] };
  const result = schema.safeParse(value);
  return result.success
    ? { data: result.data, errors: [] as FieldError[] }
    : { data: undefined as T, errors: zodFieldErrors(result.error, part) };
}

const carriesFields = (body: unknown): boolean =>
  body !== undefined &&
  body !== null &&
  !(typeof body === "object" && Object.keys(body).length === 0);

export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** Validates params, query and body together so the client sees every field error at once. */
export function parseInput(
  req: Request,
  schemas: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType },
): ParsedInput {
  if (schemas.body && req.body !== undefined) {
    const errors = dangerousKeys(req.body);
    if (errors.length > 0) {
      throw new HttpProblem("validation", "The body contains keys that are not allowed", {
        errors,
      });
    }
  }
  if (schemas.body && req.body === undefined && !req.is("application/json")) {
    // A body that may be left out (every field optional) is not a media-type mistake.
    if (!schemas.body.safeParse(undefined).success) throw new HttpProblem("unsupported_media_type");
  }
  if (!schemas.body && carriesFields(req.body)) {
    // Nothing a client sends is silently dropped: a route that reads no body says so.
    const errors = [{ in: "body" as const, path: "", message: "this request takes no body" }];
    throw new HttpProblem("validation", "This request takes no body", { errors });
  }
  const params = parsePart(schemas.params, req.params, "params");
  const query = parsePart(schemas.query, req.query, "query");
  const body = parsePart(schemas.body, req.body, "body");
  const errors = [...params.errors, ...query.errors, ...body.errors];
  if (errors.length > 0) throw new HttpProblem("validation", undefined, { errors });
  return { params: params.data, query: query.data, body: body.data };
}
