// The API server of the bench in its own process, and the fixture it prints when ready.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { startFlags } from "./service.js";

export interface Fixture {
  apiUrl: string;
  helloUrl: string;
  caseIds: string[];
  school: string;
  wijkteam: string;
  share: Record<string, unknown>;
}

export async function startServer(env: Record<string, string> = {}) {
  // The same V8 setting as `npm start`, so the figures are the service's as deployed.
  // BENCH_CPU_PROFILE=<dir> writes the server's V8 CPU profile there when it stops, as in cluster.ts.
  const profile = process.env.BENCH_CPU_PROFILE;
  const node = [
    ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []),
    ...startFlags,
    "--import",
    "tsx",
    "bench/support/apiServer.ts",
  ];
  const child = spawn(process.execPath, node, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, "line")) as [string];
  return { fixture: JSON.parse(line) as Fixture, child };
}
