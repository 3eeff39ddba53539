import { z } from "zod";

type JsonSchema = { [key: string]: unknown };

/** String formats zod bounds by pattern; every other string in a request body needs `.max()`. */
const boundedFormats = new Set(["uuid", "date-time", "date", "time", "duration"]);

function childSchemas(node: JsonSchema): [string, JsonSchema][] {
  const children: [string, JsonSchema][] = [];
  const add = (path: string, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value))
      children.push([path, value as JsonSchema]);
  };
  for (const [name, value] of Object.entries((node.properties as JsonSchema | undefined) ?? {})) {
    add(`/${name}`, value);
  }
  add("/*", node.additionalProperties);
  add("/[]", node.items);
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    for (const value of (node[key] as unknown[] | undefined) ?? []) add("", value);
  }
  for (const [name, value] of Object.entries((node.$defs as JsonSchema | undefined) ?? {})) {
    add(`#${name}`, value);
  }
  return children;
}

function violations(node: JsonSchema, path: string): string[] {
  const found: string[] = [];
  if (node.type === "object" && node.additionalProperties === undefined) {
    found.push(
      `${path || "/"}: objects must be strict (z.strictObject) so unknown fields are rejected`,
    );
  }
  const isString =
    node.type === "string" || (Array.isArray(node.type) && node.type.includes("string"));
  const bounded =
    node.maxLength !== undefined ||
    node.enum !== undefined ||
    node.const !== undefined ||
    boundedFormats.has(String(node.format));
  if (isString && !bounded)
    found.push(`${path || "/"}: strings must have a maximum length (.max())`);
  for (const [childPath, child] of childSchemas(node))
    found.push(...violations(child, `${path}${childPath}`));
  return found;
}

/**
 * Checked when a route is declared, so a lax request schema fails at start-up, not in
 * production: every object strict, every string bounded.
 */
export function assertRequestSchema(schema: z.ZodType, where: string): void {
  const problems = violations(
    z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema,
    "",
  );
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** Top-level params and query objects are made strict here, so route authors need not. */
export function strictTop<T extends z.ZodType>(schema: T): T {
  return (schema instanceof z.ZodObject ? schema.strict() : schema) as T;
}
