import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { freePort } from "../../support/freePort.js";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** One real service process: node on the run's build of the service, with its own environment. */
export interface ServiceProcess {
  name: string;
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  pid: number;
  /** Everything the process wrote to stderr so far (start-up failures land here). */
  stderr(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal (SIGTERM by default) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Children still running; killHalfStarted reaps them when a test fails half-way. */
const running = new Set<ChildProcess>();

/** Spawns the service on a free port; the environment is only what it is given, plus PATH. */
export async function spawnService(
  name: string,
  environment: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(inject("serviceBuild"), "main.js")], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...environment,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let errors = "";
  child.stdout!.resume();
  child.stderr!.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  const exited = once(child, "exit").then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stderr: () => errors,
    exited,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls /ready until it answers 200; fails at once with the stderr if the process exits. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void service.exited.then(() => {
    ended = true;
  });
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${service.name} exited during start-up:\n${service.stderr()}`);
    try {
      const response = await fetch(`${service.url}/ready`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} not ready after ${timeoutMs} ms:\n${service.stderr()}`);
}

/** Kills every child still running, so a failed test leaves no process behind. */
export async function killHalfStarted(): Promise<void> {
  const alive = [...running].filter(
    (child) => child.exitCode === null && child.signalCode === null,
  );
  const ended = alive.map((child) => once(child, "exit"));
  for (const child of alive) child.kill("SIGKILL");
  await Promise.all(ended);
}
