// Issue 15 at scale: the service on a store of millions of events, mostly read records (see
// bench/support/scaleFixture.ts). Through the HTTP API and the system's own start-up only, so
// it measures whatever keeps the read models: ready time, memory, audit queries, the recorded
// read against bare express, rebuild throughput, and the store's feed past the read records.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { mintDevToken } from "../src/api/http/auth/devTokens.js";
import { loadConfig } from "../src/config.js";
import { demoOrganisations as org } from "../src/demo/organisations.js";
import { type Figure, quantile, round } from "./figure.js";
import { caseWorkTokens } from "./support/caseWork.js";
import { startHelloProcess } from "./support/helloProcess.js";
import { load, roundRobin } from "./support/httpLoad.js";
import { generateLoad } from "./support/loadGenerator.js";
import { cpuPerOperation, threadCpu } from "./support/processCpu.js";
import { type ScaleFixture, type ScaleStoreKind, scaleFixture } from "./support/scaleFixture.js";
import { pageThrough, residentMegabytes } from "./support/scaleMeasures.js";
import { startBenchService } from "./support/service.js";

const runProgram = promisify(execFile);
const STORES = (process.env.BENCH_SCALE_STORES ?? "sqlite,postgres").split(",") as ScaleStoreKind[];
/** Quick by default; issue 15's sizes are 5,000,000 (SQLite) and 1,000,000 (PostgreSQL). */
const EVENTS: Record<ScaleStoreKind, number> = {
  sqlite: Number(process.env.BENCH_SCALE_SQLITE_EVENTS ?? 200_000),
  postgres: Number(process.env.BENCH_SCALE_POSTGRES_EVENTS ?? 100_000),
};
// BENCH_SCALE_REBUILD=0 skips the rebuilds: minutes on millions of events, for a run after the first.
const REBUILD = process.env.BENCH_SCALE_REBUILD !== "0";
// 500: a p99 of 100 queries is their slowest one; of 500 it is the fifth slowest.
const QUERIES = Number(process.env.BENCH_SCALE_QUERIES ?? 500);
/** Asked first and not counted: the first questions after the load compile the audit routes. */
const WARM_UP = 20;
const READY_TIMEOUT_MS = 30 * 60_000;
/** BENCH_SCALE_HEAP_MB: the service's V8 heap limit, where the default is too small for the models. */
const HEAP = process.env.BENCH_SCALE_HEAP_MB
  ? [`--max-old-space-size=${process.env.BENCH_SCALE_HEAP_MB}`]
  : [];

/** The store's feed without read records against the whole log, on the store itself. */
async function* storeFeed(fixture: ScaleFixture, name: string): AsyncIterable<Figure> {
  let started = performance.now();
  const store = await fixture.openStore();
  // A store written before the feed's index builds it here, once.
  yield { name: `${name}.store_open`, value: round(performance.now() - started), unit: "ms" };
  try {
    const head = await store.headPosition();
    yield { name: `${name}.events`, value: Number(head), unit: "events" };
    for (const [feed, read] of [
      ["read_all", store.readAll.bind(store)],
      ["feed_except_read_records", store.readAllExceptReadRecords.bind(store)],
    ] as const) {
      started = performance.now();
      const events = await pageThrough(read);
      const ms = performance.now() - started;
      yield { name: `${name}.${feed}_events`, value: events, unit: "events" };
      yield { name: `${name}.${feed}_time`, value: round(ms), unit: "ms" };
      yield { name: `${name}.${feed}`, value: round(events / (ms / 1000)), unit: "ev/s" };
    }
  } finally {
    await store.close();
  }
}

/** p99 of `path(n)` answered one after another after a warm-up, and how many items the median answer held. */
async function query(url: string, token: string, path: (n: number) => string) {
  const latencies: number[] = [];
  const items: number[] = [];
  for (let n = -WARM_UP; n < QUERIES; n++) {
    const started = performance.now();
    const response = await fetch(`${url}${path(n + WARM_UP)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200) throw new Error(`${path(n + WARM_UP)}: ${response.status}`);
    if (n < 0) continue;
    latencies.push(performance.now() - started);
    items.push(body.items?.length ?? 0);
  }
  const sort = (values: number[]) => values.sort((a, b) => a - b);
  return { p99: quantile(sort(latencies), 0.99), items: quantile(sort(items), 0.5) };
}

/** Whether the register accepts `limit` (a strict query refuses what it does not know with 400). */
async function pages(url: string, token: string, path: string): Promise<boolean> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (response.status !== 200 && response.status !== 400)
    throw new Error(`${path}: ${response.status}`);
  return response.status === 200;
}

async function* service(fixture: ScaleFixture, name: string): AsyncIterable<Figure> {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: fixture.dataDir });
  const tokens = await caseWorkTokens(fixture.dataDir);
  const officer = await mintDevToken(config, {
    organisationId: org.samenwerkingsverband,
    roles: ["privacy-officer"],
    userId: "bench-privacy-officer",
  });
  const running = await startBenchService(fixture.environment, HEAP, READY_TIMEOUT_MS);
  const hello = await startHelloProcess();
  try {
    yield { name: `${name}.ready`, value: round(running.readyMs), unit: "ms" };
    yield { name: `${name}.rss_ready`, value: residentMegabytes(running.pid), unit: "MB" };
    const bare = await load(hello.url, { method: "GET", path: "/" });
    const cpuBefore = threadCpu(running.pid);
    const read = await generateLoad({
      url: running.url,
      connections: 50,
      duration: Number(process.env.BENCH_HTTP_SECONDS ?? 5),
      requests: [
        {
          method: "GET",
          headers: { authorization: `Bearer ${tokens.wijkteam}` },
          setupRequest: roundRobin(fixture.caseIds.map((id) => `/v1/cases/${id}`)),
        },
      ],
    });
    const cpuAfter = threadCpu(running.pid);
    // Failed reads are a figure here, not the end of the run: at scale they are the finding.
    yield { name: `${name}.case_read.failed`, value: read.errors + read.non2xx, unit: "count" };
    if (read.errors + read.non2xx > 0)
      process.stderr.write(`service stderr:\n${running.stderr()}\n`);
    yield { name: `${name}.hello.rps`, value: round(bare.requests.average), unit: "req/s" };
    yield { name: `${name}.case_read.rps`, value: round(read.requests.average), unit: "req/s" };
    const ratio = read.requests.average / bare.requests.average;
    yield { name: `${name}.case_read.ratio`, value: round(ratio, 3), unit: "ratio" };
    yield { name: `${name}.case_read.p99`, value: round(read.latency.p99, 1), unit: "ms" };
    const cpu = cpuPerOperation(cpuBefore, cpuAfter, read.requests.total);
    yield { name: `${name}.case_read.cpu_per_read`, value: round(cpu.all), unit: "µs" };
    yield { name: `${name}.case_read.main_cpu_per_read`, value: round(cpu.main), unit: "µs" };
    yield { name: `${name}.rss_after_load`, value: residentMegabytes(running.pid), unit: "MB" };
    for (const register of ["access", "disclosures"]) {
      const caseOf = (n: number) => fixture.caseIds[n % fixture.caseIds.length];
      const base = `/v1/audit/${register}?covenant=${fixture.covenantId}`;
      // A page of 100 where the register pages; where it does not yet, the whole case's answer.
      const paged = await pages(running.url, officer, `${base}&limit=100`);
      const limit = paged ? "&limit=100" : "";
      const page = await query(running.url, officer, (n) => `${base}&case=${caseOf(n)}${limit}`);
      yield { name: `${name}.${register}.paged`, value: paged ? 1 : 0, unit: "count" };
      yield { name: `${name}.${register}.p99`, value: round(page.p99, 1), unit: "ms" };
      yield { name: `${name}.${register}.items`, value: page.items, unit: "count" };
    }
  } finally {
    await hello.close();
    await running.stop();
  }
}

/**
 * `npm run rebuild -- <model>` on the fixture, the service stopped, as an operator runs it: a
 * new copy of the shelved model filled from the first event beside the live one, then swapped.
 */
async function* rebuild(fixture: ScaleFixture, name: string): AsyncIterable<Figure> {
  for (const model of ["accessLog", "processingLog"]) {
    const { stdout } = await runProgram("npm", ["run", "--silent", "rebuild", "--", model], {
      cwd: fileURLToPath(new URL("../", import.meta.url)),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...fixture.environment },
      maxBuffer: 1 << 20,
    });
    const { eventsPerSecond } = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      eventsPerSecond: number;
    };
    yield { name: `${name}.rebuild.${model}`, value: round(eventsPerSecond), unit: "ev/s" };
  }
}

export async function* run(): AsyncIterable<Figure> {
  for (const kind of STORES) {
    const name = `scale.${kind}`;
    const fixture = await scaleFixture(kind, EVENTS[kind]);
    try {
      if (fixture.fresh) {
        const { caseWorkSeconds, fillEventsPerSecond, verified } = fixture.written;
        yield {
          name: `${name}.fixture.case_work`,
          value: round(caseWorkSeconds * 1000),
          unit: "ms",
        };
        yield { name: `${name}.fixture.fill`, value: round(fillEventsPerSecond), unit: "ev/s" };
        yield { name: `${name}.fixture.verified`, value: verified, unit: "events" };
      }
      yield* storeFeed(fixture, name);
      yield* service(fixture, name);
      if (REBUILD) yield* rebuild(fixture, name);
    } finally {
      await fixture.dispose();
    }
  }
}
