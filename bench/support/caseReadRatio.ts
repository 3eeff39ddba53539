// The recorded case read against a bare express hello-world on the same server, measured in
// alternating pairs: on this shared two-core machine the hello-world's own rate moves by up to
// a factor of two within minutes, so a ratio of one hello phase and one later read phase said
// as much about the minute as about the service.
import type { ChildProcess } from "node:child_process";
import { type Figure, median, round } from "../figure.js";
import type { Fixture } from "./apiProcess.js";
import { load, roundRobin } from "./httpLoad.js";
import { cpuPerOperation, threadCpu } from "./processCpu.js";

const ROUNDS = Number(process.env.BENCH_RATIO_ROUNDS ?? 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  throw new Error(`BENCH_RATIO_ROUNDS must be a whole number of at least 1, not ${ROUNDS}`);
}

interface Pair {
  helloRps: number;
  readRps: number;
  reads: number;
  p99: number;
  /** CPU of the server's process (all threads) per read, µs. */
  cpuPerRead: number;
  /** Of it, its main thread's (the event loop) per read, µs. */
  mainCpuPerRead: number;
  ratio: number;
}

/** One pair; `readFirst` turns it around, so a drift of the machine favours neither side. */
async function pair(fixture: Fixture, server: ChildProcess, readFirst: boolean): Promise<Pair> {
  const reads = async () => {
    const before = threadCpu(server.pid!);
    const result = await load(fixture.apiUrl, {
      method: "GET",
      headers: { authorization: `Bearer ${fixture.wijkteam}` },
      setupRequest: roundRobin(fixture.caseIds.map((id) => `/v1/cases/${id}`)),
    });
    return { result, cpu: cpuPerOperation(before, threadCpu(server.pid!), result.requests.total) };
  };
  const hellos = () => load(fixture.helloUrl, { method: "GET", path: "/" });
  const [hello, { result: read, cpu }] = readFirst
    ? await reads().then(async (measured) => [await hellos(), measured] as const)
    : await hellos().then(async (measured) => [measured, await reads()] as const);
  return {
    helloRps: hello.requests.average,
    readRps: read.requests.average,
    reads: read.requests.total,
    p99: read.latency.p99,
    cpuPerRead: cpu.all,
    mainCpuPerRead: cpu.main,
    ratio: read.requests.average / hello.requests.average,
  };
}

/**
 * BENCH_RATIO_ROUNDS pairs (3 unless set) of a hello-world phase and a case-read phase, in
 * turns (hello first, then reads first, ...), each figure the median of its pairs; the
 * ratio's lowest and highest pair beside it.
 */
export async function* caseReadRatio(
  name: string,
  fixture: Fixture,
  server: ChildProcess,
): AsyncIterable<Figure> {
  const pairs: Pair[] = [];
  for (let n = 0; n < ROUNDS; n++) pairs.push(await pair(fixture, server, n % 2 === 1));
  const of = (field: keyof Pair) => median(pairs.map((measured) => measured[field]));
  const ratios = pairs.map((measured) => measured.ratio);
  yield { name: `${name}.hello_rps`, value: round(of("helloRps")), unit: "req/s" };
  yield { name: `${name}.case_read_rps`, value: round(of("readRps")), unit: "req/s" };
  yield { name: `${name}.case_reads`, value: round(of("reads")), unit: "count" };
  // CPU per read travels between loaded and quiet runs better than throughput does.
  yield { name: `${name}.cpu_per_read`, value: round(of("cpuPerRead")), unit: "µs" };
  yield { name: `${name}.main_cpu_per_read`, value: round(of("mainCpuPerRead")), unit: "µs" };
  yield { name: `${name}.case_read_p99`, value: round(of("p99"), 1), unit: "ms" };
  yield { name: `${name}.case_read_ratio`, value: round(of("ratio"), 3), unit: "ratio" };
  yield {
    name: `${name}.case_read_ratio_low`,
    value: round(Math.min(...ratios), 3),
    unit: "ratio",
  };
  yield {
    name: `${name}.case_read_ratio_high`,
    value: round(Math.max(...ratios), 3),
    unit: "ratio",
  };
}
