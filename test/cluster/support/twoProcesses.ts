import { afterAll, beforeAll } from "vitest";
import { type Cluster, startCluster } from "./cluster.js";
import { type Tokens, tokensFor } from "./scenario.js";
import type { ServiceProcess } from "./serviceProcess.js";

export interface TwoProcesses {
  cluster: Cluster;
  a: ServiceProcess;
  b: ServiceProcess;
  tokens: Tokens;
}

/**
 * Registers hooks that start two real service processes on one PostgreSQL database, together
 * on an empty store, and close them after the file; the fields are filled once beforeAll ran.
 */
export function twoProcessesOnOneDatabase(): TwoProcesses {
  const processes = {} as TwoProcesses;
  beforeAll(async () => {
    const cluster = await startCluster(2);
    const [a, b] = cluster.services as [ServiceProcess, ServiceProcess];
    Object.assign(processes, { cluster, a, b, tokens: await tokensFor(cluster) });
  }, 60_000);
  afterAll(() => processes.cluster?.close());
  return processes;
}
