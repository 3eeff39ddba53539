import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildService } from "../../build/serviceBuild.js";
import { freePort } from "../../test/support/freePort.js";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The node flags `npm start` runs the service with (package.json), so a bench runs it as deployed. */
export const startFlags: readonly string[] = (
  JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
    scripts: { start: string };
  }
).scripts.start
  .split(" ")
  .filter((word) => word.startsWith("--"));

let built: Promise<void> | undefined;

/** A real service process started for a bench run, as `npm start` runs it (`node dist/main.js`). */
export interface BenchService {
  url: string;
  pid: number;
  /** From the spawn to the first 200 from /ready (the build before it not counted). */
  readyMs: number;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** What the service wrote to stderr so far, to explain a failure. */
  stderr(): string;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Spawns the service with only the given environment (plus PATH) and waits for /ready. */
export async function startBenchService(
  environment: Record<string, string>,
  nodeArguments: readonly string[] = [],
  readyTimeoutMs = 60_000,
): Promise<BenchService> {
  // Built once per bench run, from the sources as they are now.
  built ??= buildService();
  await built;
  const port = await freePort();
  const node = [...startFlags, ...nodeArguments, "dist/main.js"];
  const spawned = performance.now();
  const child = spawn(process.execPath, node, {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...environment },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  const exited = once(child, "exit");
  const url = `http://127.0.0.1:${port}`;
  const stop = async (graceMs = 10_000) => {
    if (!alive(child)) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline && alive(child)) {
    const status = await fetch(`${url}/ready`).then(
      (response) => response.arrayBuffer().then(() => response.status),
      () => 0,
    );
    if (status === 200) {
      const readyMs = performance.now() - spawned;
      return { url, pid: child.pid!, readyMs, stop, stderr: () => errors };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop(0);
  throw new Error(`the service did not become ready:\n${errors}`);
}
