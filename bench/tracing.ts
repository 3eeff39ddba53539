// What request tracing costs the recorded case read: the service with tracing off, on (as
// deployed), and on with every processing record exported over OTLP/HTTP to a loopback
// receiver; each phase against its own bare express hello-world in the same run.
import { once } from "node:events";
import { type Figure, round } from "./figure.js";
import { startServer } from "./support/apiProcess.js";
import { load, roundRobin } from "./support/httpLoad.js";
import { startOtlpSink } from "./support/otlpSink.js";
import { cpuSpent, readCpu } from "./support/processCpu.js";

async function* caseReads(phase: string, env: Record<string, string>): AsyncIterable<Figure> {
  const { fixture, child } = await startServer(env);
  try {
    const hello = await load(fixture.helloUrl, { method: "GET", path: "/" });
    const before = readCpu([child.pid!]);
    const read = await load(fixture.apiUrl, {
      method: "GET",
      headers: { authorization: `Bearer ${fixture.wijkteam}` },
      setupRequest: roundRobin(fixture.caseIds.map((id) => `/v1/cases/${id}`)),
    });
    const cpu = cpuSpent(before, readCpu([child.pid!]));
    const name = `api.tracing.${phase}`;
    yield { name: `${name}.hello_rps`, value: round(hello.requests.average), unit: "req/s" };
    yield { name: `${name}.case_read_rps`, value: round(read.requests.average), unit: "req/s" };
    yield { name: `${name}.case_reads`, value: read.requests.total, unit: "count" };
    // CPU per read travels between loaded and quiet runs better than throughput does.
    const perRead = (cpu / read.requests.total) * 1e6;
    yield { name: `${name}.cpu_per_read`, value: round(perRead), unit: "µs" };
    yield { name: `${name}.case_read_p99`, value: round(read.latency.p99, 1), unit: "ms" };
    const ratio = read.requests.average / hello.requests.average;
    yield { name: `${name}.case_read_ratio`, value: round(ratio, 3), unit: "ratio" };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

export async function* run(): AsyncIterable<Figure> {
  yield* caseReads("off", { OTEL_SDK_DISABLED: "true" });
  yield* caseReads("on", {});
  const sink = await startOtlpSink();
  try {
    yield* caseReads("exported", { LDV_OTLP_ENDPOINT: sink.url });
    // The service flushes what it holds as it stops, so every read's record is counted.
    yield { name: "api.tracing.exported.spans_received", value: sink.spans(), unit: "count" };
  } finally {
    await sink.close();
  }
}
