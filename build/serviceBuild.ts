import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { filesUnder, hashOfFiles } from "./inputs.js";

/** The checkout's root; the service's build goes into a directory directly under it. */
export const root = fileURLToPath(new URL("../", import.meta.url));
const sources = join(root, "src");
const serviceDist = join(root, "dist");
/** The hash of the sources a build was made from, kept in the build. */
const STAMP = ".inputs";

/**
 * The service as plain JavaScript, module for module (`src/x/y.ts` -> `<outDir>/x/y.js`, not
 * bundled), with the files beside the sources (the PDF fonts) copied along. Under tsx every
 * start compiled and loaded 300 modules through a loader thread, a second of each start;
 * `npm start` and the image run this instead. The output sits one level under the root, as
 * src/ does, so what the modules find relative to themselves (the console's web/dist, the
 * fonts, the worker modules) is where it was. Nothing is written when `outDir` was built from
 * these very sources; otherwise the build is made beside it and moved into its place, so a
 * service running from `outDir` never finds it half written.
 */
export async function buildService(outDir = serviceDist): Promise<void> {
  if (dirname(outDir) !== dirname(sources)) {
    throw new Error(`the service's build must go directly under ${root}, not ${outDir}`);
  }
  const files = await filesUnder(sources);
  const wanted = await hashOfFiles(sources, files);
  if ((await readFile(join(outDir, STAMP), "utf8").catch(() => "")) === wanted) return;
  const fresh = join(root, `.dist-${randomUUID()}`);
  try {
    await build({
      entryPoints: files.filter((file) => file.endsWith(".ts")),
      outdir: fresh,
      outbase: sources,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "warning",
    });
    for (const file of files.filter((file) => !file.endsWith(".ts"))) {
      await cp(file, join(fresh, relative(sources, file)));
    }
    await writeFile(join(fresh, STAMP), wanted);
    const old = `${fresh}-old`;
    if (existsSync(outDir)) await rename(outDir, old);
    await rename(fresh, outDir);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Production serves the build it was deployed with (the image's), as the console's build does.
  const deployed = process.env.NODE_ENV === "production" && existsSync(serviceDist);
  if (!deployed) await buildService();
}
