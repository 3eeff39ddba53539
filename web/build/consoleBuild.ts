import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder, hashOfFiles } from "../../build/inputs.js";
import { firstLoadGzipBytes } from "./firstLoad.js";
import { apiTypesPath, consoleDist, consoleSources, root } from "./paths.js";

export { consoleDist };

const stampPath = join(consoleDist, ".inputs");

/** What the built console depends on: its own sources and the API's route table in src/. */
const inputs = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "web/public",
  "src",
  "package-lock.json",
];

/** A hash of every input file's path and bytes; the generated types are an output, not an input. */
async function inputsHash(): Promise<string> {
  const files = (await Promise.all(inputs.map((input) => filesUnder(join(root, input))))).flat();
  return hashOfFiles(root, files.filter((path) => path !== apiTypesPath).sort());
}

/**
 * Builds the console unless web/dist was built from exactly these inputs: `npm start` and
 * the console tests call it, so a fresh clone needs no step of its own and a warm one waits
 * only for a hash.
 */
export async function buildConsoleIfStale(
  log: (line: string) => void = console.log,
): Promise<void> {
  const wanted = await inputsHash();
  if ((await readFile(stampPath, "utf8").catch(() => "")) === wanted) return;
  log("building the console (web/) ...");
  // Build tools are development dependencies: imported only when a build is due.
  const { generateApiTypes } = await import("./apiTypes.js");
  await generateApiTypes();
  const { build } = await import("vite");
  // Vite takes React's build from NODE_ENV, which test runners set to "test".
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(root, "web/vite.config.ts"),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(stampPath, wanted);
  const kilobytes = (await firstLoadGzipBytes(consoleDist)) / 1024;
  log(`console built: first load ${kilobytes.toFixed(1)} KB of JavaScript gzipped`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Production, and an image that carries only web/dist, serve the console they were built with.
  const builtElsewhere = !existsSync(consoleSources) && existsSync(consoleDist);
  if (process.env.NODE_ENV !== "production" && !builtElsewhere) await buildConsoleIfStale();
}
