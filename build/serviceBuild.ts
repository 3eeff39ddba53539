import { cp, readdir, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The checkout's root; the service's build goes into a directory directly under it. */
export const root = fileURLToPath(new URL("../", import.meta.url));
const sources = join(root, "src");
export const serviceDist = join(root, "dist");

/**
 * The service as plain JavaScript, module for module (`src/x/y.ts` -> `<outDir>/x/y.js`, not
 * bundled), with the files beside the sources (the PDF fonts) copied along. Under tsx every
 * start compiled and loaded 300 modules through a loader thread, a second of each start;
 * `npm start` and the image run this instead. The output sits one level under the root, as
 * src/ does, so what the modules find relative to themselves (the console's web/dist, the
 * fonts, the worker modules) is where it was.
 */
export async function buildService(outDir = serviceDist): Promise<void> {
  if (dirname(outDir) !== dirname(sources)) {
    throw new Error(`the service's build must go directly under ${root}, not ${outDir}`);
  }
  const files = (await readdir(sources, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((file) => file.endsWith(".ts")),
    outdir: outDir,
    outbase: sources,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  for (const file of files.filter((file) => !file.endsWith(".ts"))) {
    await cp(file, join(outDir, relative(sources, file)));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildService();
