import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { API_INFO, openApiDocument } from "../../src/api/http/openapi/document.js";
import type { ResourceDeps } from "../../src/api/resources.js";
import { allRoutes } from "../../src/api/routeTable.js";
import { apiTypesPath } from "./paths.js";

/**
 * The OpenAPI document from the route table alone: declaring a route touches none of its
 * dependencies (handlers receive them only when called), so no service has to run.
 */
export function routeTableDocument(): Record<string, unknown> {
  return openApiDocument(allRoutes({} as ResourceDeps), API_INFO);
}

/**
 * Writes web/src/api/schema.d.ts from the route table; leaves the file alone when unchanged.
 * The file is gitignored, so it can never be committed stale.
 */
export async function generateApiTypes(): Promise<boolean> {
  const ast = await openapiTS(routeTableDocument() as unknown as Parameters<typeof openapiTS>[0]);
  const header = "// Generated from the route table by web/build/apiTypes.ts; do not edit.\n";
  const text = header + astToString(ast);
  const current = await readFile(apiTypesPath, "utf8").catch(() => "");
  if (current === text) return false;
  await writeFile(apiTypesPath, text);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changed = await generateApiTypes();
  process.stdout.write(
    `console API types ${changed ? "written" : "up to date"}: ${apiTypesPath}\n`,
  );
}
