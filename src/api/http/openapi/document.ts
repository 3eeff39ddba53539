import { documentMediaType } from "../documentResponse.js";
import { problemSchema } from "../problemSchema.js";
import { type ProblemKind, problemCatalogue, problemType } from "../problems.js";
import type { Responses, Route } from "../routeDefinition.js";
import { type JsonSchema, SchemaCollector } from "./jsonSchema.js";

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  /** OpenAPI 3.1: a name and an SPDX identifier or a URL. */
  license: { name: string; identifier?: string; url?: string };
}

/** What the service's own document says of itself; the console's client is generated from it too. */
export const API_INFO: ApiInfo = {
  title: "Casustafel API",
  version: "1.0.0",
  description: "Multidisciplinary case meetings about young people's safety in and around schools.",
  // package.json is private and names no licence: an SPDX LicenseRef says the API is not for reuse.
  license: { name: "Proprietary, all rights reserved", identifier: "LicenseRef-Proprietary" },
};

const headerParameters = {
  ifMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description:
      'The ETag ("<revision>") last read; the write fails with 412 if the resource changed since.',
    schema: { type: "string", pattern: '^(\\*|"\\d+")$' },
  },
  idempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Makes a retried POST safe: the same key and body replay the first response; a different body is 422.",
    schema: { type: "string", pattern: "^[A-Za-z0-9_\\-:.]{8,128}$" },
  },
  minPosition: {
    name: "Min-Position",
    in: "header",
    required: false,
    description:
      "Read your writes: the `Position` header of an earlier write. Waits briefly, then 503 with Retry-After.",
    schema: { type: "string", pattern: "^\\d+$" },
  },
};

function operationId(route: Route): string {
  const words = route.path
    .split("/")
    .filter((part) => part && part !== "v1")
    .map((part) => part.replace(/[{}]/g, "").replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
  return [route.method, ...words]
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join("");
}

/** The problems a route can answer with: the ones every route shares plus its own. */
export function problemsOf(route: Route): ProblemKind[] {
  const kinds: ProblemKind[] = ["validation", "malformed_request", "rate_limited", "internal"];
  if (!route.public) kinds.push("unauthenticated", "forbidden");
  if (route.body) {
    kinds.push(
      "malformed_json",
      "unreadable_body",
      "payload_too_large",
      "unsupported_media_type",
      "unsupported_content_encoding",
    );
  }
  if (route.method === "get") kinds.push("not_yet_consistent");
  else kinds.push("precondition_failed", "conflict", "write_contention");
  if (route.idempotent) kinds.push("idempotency_key_reused");
  return [...new Set([...kinds, ...route.problems])];
}

function problemResponses(kinds: ProblemKind[]): Record<string, unknown> {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of kinds) {
    const status = problemCatalogue[kind].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), kind]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.map((kind) => problemCatalogue[kind].title).join("; "),
        content: {
          "application/problem+json": {
            schema: { $ref: "#/components/schemas/Problem" },
            examples: Object.fromEntries(
              group.map((kind) => [
                kind,
                { value: { type: problemType(kind), title: problemCatalogue[kind].title, status } },
              ]),
            ),
          },
        },
      },
    ]),
  );
}

function parameters(route: Route, schemas: SchemaCollector): unknown[] {
  const list: unknown[] = [];
  for (const [location, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const object = schemas.convert(schema, "input");
    const required = new Set((object.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(
      (object.properties as Record<string, JsonSchema>) ?? {},
    )) {
      const { description, ...propertySchema } = property;
      list.push({
        name,
        in: location,
        required: location === "path" || required.has(name),
        description,
        schema: propertySchema,
      });
    }
  }
  if (route.method === "get") list.push(headerParameters.minPosition);
  else list.push(headerParameters.ifMatch);
  if (route.idempotent) list.push(headerParameters.idempotencyKey);
  return list;
}

function successResponses(route: Route, schemas: SchemaCollector): Record<string, unknown> {
  const headers = {
    ETag: { description: 'The stream revision, as "<revision>"', schema: { type: "string" } },
    Position: {
      description: "The global store position of a write, for Min-Position",
      schema: { type: "string" },
    },
  };
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, schema]) => [
      status,
      {
        description: schema?.description ?? (status === "204" ? "No content" : "Success"),
        headers,
        ...content(schema, schemas),
      },
    ]),
  );
}

/** A JSON body by its schema; a document by its media type, its bytes having no schema. */
function content(schema: Responses[number], schemas: SchemaCollector): Record<string, unknown> {
  if (!schema) return {};
  const mediaType = documentMediaType(schema);
  if (mediaType) return { content: { [mediaType]: {} } };
  return { content: { "application/json": { schema: schemas.convert(schema, "output") } } };
}

function operation(route: Route, schemas: SchemaCollector): Record<string, unknown> {
  const roles = route.roles.length > 0 ? `\n\nRoles: ${route.roles.join(", ")}.` : "";
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: `${route.description ?? ""}${roles}`.trim() || undefined,
    tags: [...route.tags],
    security: route.public ? [] : [{ bearer: [] }],
    parameters: parameters(route, schemas),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemas.convert(route.body, "input") } },
          },
        }
      : {}),
    responses: { ...successResponses(route, schemas), ...problemResponses(problemsOf(route)) },
  };
}

/** The OpenAPI 3.1 document for these routes, with every problem type this API can return. */
export function openApiDocument(routes: readonly Route[], info: ApiInfo): Record<string, unknown> {
  const schemas = new SchemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route, schemas);
  }
  const components: Record<string, JsonSchema> = {};
  // The Problem schema names every problem type, domain code and rule code as enums.
  schemas.convert(problemSchema, "output");
  const document = {
    openapi: "3.1.0",
    info,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    // Relative: the document is served by the service it describes, wherever that is mounted.
    servers: [{ url: "/", description: "The service that serves this document" }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
  return schemas.finish(document, components);
}
