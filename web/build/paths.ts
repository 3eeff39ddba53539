import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root, the console's sources, its build output and the generated client types. */
export const root = fileURLToPath(new URL("../../", import.meta.url));
export const consoleSources = join(root, "web/src");
export const consoleDist = join(root, "web/dist");
export const apiTypesPath = join(consoleSources, "api/schema.d.ts");
