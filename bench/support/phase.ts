import type pg from "pg";
import { caseWorkMix } from "./caseWork.js";
import { generateLoad, type LoadResult } from "./loadGenerator.js";
import { type PostgresActivity, samplePostgresActivity } from "./postgresActivity.js";
import { cpuSpent, machineTicks, readCpu } from "./processCpu.js";
import { histogramDelta, type Scrape, scrape, total } from "./prometheus.js";
import type { BenchService } from "./service.js";

export interface PhaseLoad {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Fraction of requests that share; the rest read a case. */
  writeShare: number;
}

/** What one load phase measured: the client's view and where the CPU and time went. */
export interface PhaseOutcome {
  load: LoadResult;
  requests: number;
  /** CPU seconds over the phase: the service processes together, PostgreSQL, this load generator. */
  cpu: { service: number; postgres: number; loadGenerator: number; machineBusyShare: number };
  append: { count: number; meanMs: number; p99BoundMs: number };
  serverMeanMs: { read: number; share: number };
  eventLoopLagP99Ms: number;
  projectionLagMax: number;
  notReadyShare: number;
  postgresCommits: number;
  postgresActivity: PostgresActivity;
}

/** PostgreSQL processes of our database plus the server's own background processes. */
async function postgresPids(client: pg.Client, database: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type <> 'client backend'",
    [database],
  );
  return rows.map((row) => row.pid);
}

async function commits(client: pg.Client, database: string): Promise<number> {
  // Backends publish their counters about once a second when idle; let them.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await client.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await client.query<{ n: string }>(
    "SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1",
    [database],
  );
  return Number(rows[0]?.n ?? Number.NaN);
}

/** Polls /ready of every service: the projection lag (head - projected) and how often it said no. */
function sampleReadiness(urls: readonly string[], everyMs: number) {
  let stopped = false;
  let samples = 0;
  let notReady = 0;
  let lagMax = 0;
  const loop = (async () => {
    while (!stopped) {
      for (const url of urls) {
        const response = await fetch(`${url}/ready`).catch(() => undefined);
        if (!response) continue;
        const body = (await response.json()) as { checks?: { head?: string; projected?: string } };
        samples++;
        if (response.status !== 200) notReady++;
        const { head, projected } = body.checks ?? {};
        if (head !== undefined && projected !== undefined)
          lagMax = Math.max(lagMax, Number(head) - Number(projected));
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { lagMax, notReadyShare: samples === 0 ? 0 : notReady / samples };
  };
}

const sumOver = (scrapes: readonly [Scrape, Scrape][], measure: (b: Scrape, a: Scrape) => number) =>
  scrapes.reduce((sum, [before, after]) => sum + measure(before, after), 0);

/** Warms up with reads, then runs the mixed load round-robin over the services and measures. */
export async function measurePhase(
  services: readonly BenchService[],
  cases: readonly string[],
  token: string,
  load: PhaseLoad,
  postgres: { client: pg.Client; database: string },
): Promise<PhaseOutcome> {
  const url = services.map((service) => service.url);
  const base = { url, connections: load.connections, timeout: 30 };
  await generateLoad({
    ...base,
    duration: load.warmupSeconds,
    requests: caseWorkMix(cases, token, 0),
  });

  const servicePids = services.map((service) => service.pid);
  const pgPidsBefore = await postgresPids(postgres.client, postgres.database);
  const commitsBefore = await commits(postgres.client, postgres.database);
  const scrapesBefore = await Promise.all(url.map(scrape));
  const cpuBefore = { service: readCpu(servicePids), postgres: readCpu(pgPidsBefore) };
  const loadGeneratorBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const stopSampling = sampleReadiness(url, 250);
  const stopActivity = samplePostgresActivity(postgres.client, postgres.database, 50);

  const result = await generateLoad({
    ...base,
    duration: load.seconds,
    requests: caseWorkMix(cases, token, load.writeShare),
  });

  const readiness = await stopSampling();
  const postgresActivity = await stopActivity();
  const machineAfter = machineTicks();
  const loadGenerator = process.cpuUsage(loadGeneratorBefore);
  const pgPids = [
    ...new Set([...pgPidsBefore, ...(await postgresPids(postgres.client, postgres.database))]),
  ];
  const cpuAfter = { service: readCpu(servicePids), postgres: readCpu(pgPids) };
  const scrapesAfter = await Promise.all(url.map(scrape));
  const commitsAfter = await commits(postgres.client, postgres.database);
  const scrapes = scrapesBefore.map((before, i) => [before, scrapesAfter[i]!] as [Scrape, Scrape]);

  const appends = scrapes.map(([b, a]) =>
    histogramDelta(b, a, "event_store_append_seconds", 0.99, 'outcome="ok"'),
  );
  const appendCount = appends.reduce((sum, append) => sum + append.count, 0);
  const serverMean = (route: string, method: string) => {
    const labels = [`route="${route}"`, `method="${method}"`];
    const count = sumOver(
      scrapes,
      (b, a) =>
        total(a, "http_request_duration_seconds_count", ...labels) -
        total(b, "http_request_duration_seconds_count", ...labels),
    );
    const sum = sumOver(
      scrapes,
      (b, a) =>
        total(a, "http_request_duration_seconds_sum", ...labels) -
        total(b, "http_request_duration_seconds_sum", ...labels),
    );
    return (sum / count) * 1000;
  };
  return {
    load: result,
    requests: result.requests.total,
    cpu: {
      service: cpuSpent(cpuBefore.service, cpuAfter.service),
      postgres: cpuSpent(cpuBefore.postgres, cpuAfter.postgres),
      loadGenerator: (loadGenerator.user + loadGenerator.system) / 1e6,
      machineBusyShare:
        (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
    },
    append: {
      count: appendCount,
      meanMs:
        (appends.reduce((sum, append) => sum + append.mean * append.count, 0) / appendCount) * 1000,
      p99BoundMs: Math.max(...appends.map((append) => append.upperBound)) * 1000,
    },
    serverMeanMs: {
      read: serverMean("/v1/cases/{caseId}", "GET"),
      share: serverMean("/v1/cases/{caseId}/shares", "POST"),
    },
    eventLoopLagP99Ms:
      Math.max(...scrapesAfter.map((after) => total(after, "nodejs_eventloop_lag_p99_seconds"))) *
      1000,
    projectionLagMax: readiness.lagMax,
    notReadyShare: readiness.notReadyShare,
    postgresCommits: commitsAfter - commitsBefore,
    postgresActivity,
  };
}
