// One service process against two on one PostgreSQL, under the same read/write load from 100
// connections; then where the time goes: CPU per process, JWT verification, appends, projection.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Figure } from "./figure.js";
import { round } from "./figure.js";
import { caseWorkTokens, openCases } from "./support/caseWork.js";
import { jwtCost } from "./support/jwtCost.js";
import { measurePhase, type PhaseLoad, type PhaseOutcome } from "./support/phase.js";
import { benchDatabase } from "./support/postgres.js";
import { projectionMicrosPerEvent } from "./support/projectionCost.js";
import { type BenchService, startBenchService } from "./support/service.js";

const load: PhaseLoad = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 100),
  seconds: Number(process.env.BENCH_CLUSTER_SECONDS ?? 10),
  warmupSeconds: 3,
  writeShare: 0.2,
};
// Enough cases that concurrent shares rarely meet on one stream; one set per phase, so the
// second phase does not read cases the first one grew.
const CASES = Number(process.env.BENCH_CASES ?? 100);
// BENCH_CPU_PROFILE=<dir>: each service writes a V8 CPU profile there when it stops.
const profileDir = process.env.BENCH_CPU_PROFILE;
const nodeArguments = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];

/** A database of our own on the bench server, so its processes and counters are ours alone. */
async function dedicatedDatabase(serverUrl: string) {
  const name = `cluster_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    client: admin,
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

interface CostPerUnit {
  jwt: { signatureMicros: number; serviceVerifierMicros: number };
  projectionMicrosPerEvent: number;
}

function* phaseFigures(
  phase: string,
  processes: number,
  outcome: PhaseOutcome,
  cost: CostPerUnit,
): Iterable<Figure> {
  const name = (measure: string) => `cluster.${phase}.${measure}`;
  const { load: result, requests, cpu, seconds } = { ...outcome, seconds: outcome.load.duration };
  const perRequestMs = (cpuSeconds: number) => round((cpuSeconds * 1000) / requests, 3);
  yield { name: name("rps"), value: round(requests / seconds), unit: "req/s" };
  yield { name: name("p99"), value: result.latency.p99, unit: "ms" };
  yield { name: name("p50"), value: result.latency.p50, unit: "ms" };
  yield {
    name: name("non2xx"),
    value: result.non2xx + result.errors + result.timeouts,
    unit: "count",
  };
  yield { name: name("cpu.service_cores"), value: round(cpu.service / seconds, 2), unit: "cores" };
  yield {
    name: name("cpu.postgres_cores"),
    value: round(cpu.postgres / seconds, 2),
    unit: "cores",
  };
  yield {
    name: name("cpu.load_generator_cores"),
    value: round(cpu.loadGenerator / seconds, 2),
    unit: "cores",
  };
  yield { name: name("cpu.machine_busy"), value: round(cpu.machineBusyShare * 100), unit: "%" };
  yield { name: name("cpu.service_per_request"), value: perRequestMs(cpu.service), unit: "ms" };
  yield { name: name("cpu.postgres_per_request"), value: perRequestMs(cpu.postgres), unit: "ms" };
  yield {
    name: name("cpu.load_generator_per_request"),
    value: perRequestMs(cpu.loadGenerator),
    unit: "ms",
  };
  const shareOfService = (micros: number) => round((micros * requests) / (cpu.service * 1e4), 1);
  yield {
    name: name("jwt_share_of_service_cpu"),
    value: shareOfService(cost.jwt.serviceVerifierMicros),
    unit: "%",
  };
  yield {
    name: name("jwt_share_if_every_request_verified"),
    value: shareOfService(cost.jwt.signatureMicros),
    unit: "%",
  };
  // Every process projects every event; in this mix each append writes one event.
  const projectionMicros = processes * outcome.append.count * cost.projectionMicrosPerEvent;
  yield {
    name: name("projection_share_of_service_cpu"),
    value: round(projectionMicros / (cpu.service * 1e4), 1),
    unit: "%",
  };
  yield { name: name("append_mean"), value: round(outcome.append.meanMs, 2), unit: "ms" };
  yield { name: name("append_p99_at_most"), value: outcome.append.p99BoundMs, unit: "ms" };
  yield {
    name: name("appends_per_request"),
    value: round(outcome.append.count / requests, 2),
    unit: "ratio",
  };
  yield {
    name: name("postgres_commits_per_request"),
    value: round(outcome.postgresCommits / requests, 2),
    unit: "ratio",
  };
  yield { name: name("server_read_mean"), value: round(outcome.serverMeanMs.read, 2), unit: "ms" };
  yield {
    name: name("server_share_mean"),
    value: round(outcome.serverMeanMs.share, 2),
    unit: "ms",
  };
  yield {
    name: name("event_loop_lag_p99"),
    value: round(outcome.eventLoopLagP99Ms, 1),
    unit: "ms",
  };
  const activity = outcome.postgresActivity;
  const connections = (measure: string, value: number) =>
    ({ name: name(`postgres.${measure}`), value: round(value, 2), unit: "count" }) as Figure;
  yield connections("active", activity.active);
  yield connections("waiting_for_append_lock", activity.waitingForAppendLock);
  yield connections("waiting_for_wal", activity.waitingForWal);
  yield connections("idle_in_transaction", activity.idleInTransaction);
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    if (!status.startsWith("2"))
      yield { name: name(`status_${status}`), value: count, unit: "count" };
  }
  yield { name: name("projection_lag_max"), value: outcome.projectionLagMax, unit: "events" };
  yield { name: name("not_ready"), value: round(outcome.notReadyShare * 100, 1), unit: "%" };
}

export async function* run(): AsyncIterable<Figure> {
  const server = await benchDatabase();
  const database = await dedicatedDatabase(server.url);
  const dataDir = mkdtempSync(join(tmpdir(), "casustafel-bench-cluster-"));
  const environment = {
    NODE_ENV: "test",
    STORE: "postgres",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    MASTER_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "100000000",
  };
  const services: BenchService[] = [];
  try {
    services.push(await startBenchService(environment, nodeArguments));
    const tokens = await caseWorkTokens(dataDir);
    const casesOfOne = await openCases(services[0]!.url, tokens, CASES);
    const casesOfTwo = await openCases(services[0]!.url, tokens, CASES);
    const pgAccess = { client: database.client, database: database.name };
    const one = await measurePhase(services, casesOfOne, tokens.school, load, pgAccess);
    services.push(await startBenchService(environment, nodeArguments));
    const two = await measurePhase(services, casesOfTwo, tokens.school, load, pgAccess);
    await Promise.all(services.map((service) => service.stop()));
    const jwt = await jwtCost(dataDir, tokens.school);
    const projection = await projectionMicrosPerEvent(environment);

    const cost = { jwt, projectionMicrosPerEvent: projection.microsPerEvent };
    yield* phaseFigures("one", 1, one, cost);
    yield* phaseFigures("two", 2, two, cost);
    const rps = (outcome: PhaseOutcome) => outcome.requests / outcome.load.duration;
    yield { name: "cluster.ratio", value: round(rps(two) / rps(one), 2), unit: "ratio" };
    yield { name: "cluster.jwt_verify_cpu", value: round(jwt.signatureMicros, 1), unit: "µs" };
    yield {
      name: "cluster.jwt_service_verifier_cpu",
      value: round(jwt.serviceVerifierMicros, 1),
      unit: "µs",
    };
    yield {
      name: "cluster.projection_cpu_per_event",
      value: round(projection.microsPerEvent, 1),
      unit: "µs",
    };
    yield { name: "cluster.projection_rebuild_events", value: projection.events, unit: "events" };
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
    await server.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
