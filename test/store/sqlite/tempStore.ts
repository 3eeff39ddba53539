import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A store file in a directory of its own; `remove` deletes the directory afterwards. */
export function tempStorePath(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "casustafel-sqlite-"));
  return {
    path: join(dir, "store", "events.db"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
