import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

const INPUT_MARK = "~input";

/**
 * Converts zod schemas for one document. Named schemas (`.meta({ id })`) are hoisted into
 * `components.schemas`; when a schema reads differently as request input (defaults,
 * coercion), the input variant is published as `<id>Input`.
 */
export class SchemaCollector {
  private readonly outputs = new Map<string, JsonSchema>();
  private readonly inputs = new Map<string, JsonSchema>();

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const generated = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = rewriteRefs(generated, io) as JsonSchema;
    const target = io === "input" ? this.inputs : this.outputs;
    for (const [id, definition] of Object.entries(($defs as Record<string, JsonSchema>) ?? {})) {
      target.set(id, definition);
    }
    return root;
  }

  /** Fills `components.schemas` and resolves the input references of `document` in place. */
  finish<T>(document: T, components: Record<string, JsonSchema>): T {
    const names = new Map<string, string>();
    for (const [id, definition] of this.outputs) components[id] = definition;
    for (const [id, definition] of this.inputs) {
      const output = this.outputs.get(id);
      const name =
        output === undefined || JSON.stringify(output) === JSON.stringify(definition)
          ? id
          : `${id}Input`;
      names.set(id, name);
      components[name] = definition;
    }
    const resolve = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(resolve);
      if (value === null || typeof value !== "object") return value;
      for (const [key, child] of Object.entries(value)) {
        if (key === "$ref" && typeof child === "string" && child.endsWith(INPUT_MARK)) {
          const id = child.slice("#/components/schemas/".length, -INPUT_MARK.length);
          (value as JsonSchema)[key] = `#/components/schemas/${names.get(id) ?? id}`;
        } else resolve(child);
      }
      return value;
    };
    resolve(document);
    resolve(components);
    return document;
  }
}

function rewriteRefs(value: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, io));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (key === "$ref" && typeof child === "string" && child.startsWith("#/$defs/")) {
        const id = child.slice("#/$defs/".length);
        return [key, `#/components/schemas/${id}${io === "input" ? INPUT_MARK : ""}`];
      }
      return [key, rewriteRefs(child, io)];
    }),
  );
}
