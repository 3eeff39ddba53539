import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Every file under `path`, sorted; `path` itself when it is a file or missing. */
export async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [path];
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)],
    ),
  );
  return nested.flat().sort();
}

/**
 * What a build was made from: a hash of each file's path (relative to `base`) and bytes, in the
 * order given; a missing file counts as empty. The console's and the service's builds compare it
 * with the stamp they left, and build only when it changed.
 */
export async function hashOfFiles(base: string, files: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(relative(base, file));
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex");
}
