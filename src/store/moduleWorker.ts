import { createRequire } from "node:module";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread on one of our modules, named beside the caller (`./decryptWorker`
 * from `import.meta.url`): the compiled .js of a build (npm start, the tests' service
 * processes), the .ts under tsx (vitest's own files, the command-line tools, benches).
 */
export function startModuleWorker(name: string, beside: string, workerData: unknown): Worker {
  const ext = extname(fileURLToPath(beside));
  const entry = new URL(`${name}${ext}`, beside);
  return ext === ".ts"
    ? new Worker(underTsx(entry), { eval: true, workerData })
    : new Worker(entry, { workerData });
}

/**
 * Node 20 does not apply `--import tsx` to a worker's entry, so the worker registers tsx's
 * ESM loader itself first.
 */
function underTsx(entry: URL): string {
  // tsx exports its ESM API for `import` as index.mjs next to the index.cjs that require finds.
  const api = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const tsx = JSON.stringify(pathToFileURL(api).href);
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}
