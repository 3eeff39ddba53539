// What request tracing costs the recorded case read: the service with tracing off, on (as
// deployed: request spans not exported, so none recorded), and on with every processing record exported over OTLP/HTTP to a loopback
// receiver; each phase against its own bare express hello-world on the same server, in
// alternating pairs (support/caseReadRatio.ts). The "on" phase is the service as deployed:
// issue 13's recorded read.
import { once } from "node:events";
import type { Figure } from "./figure.js";
import { startServer } from "./support/apiProcess.js";
import { caseReadRatio } from "./support/caseReadRatio.js";
import { startOtlpSink } from "./support/otlpSink.js";

async function* caseReads(phase: string, env: Record<string, string>): AsyncIterable<Figure> {
  const { fixture, child } = await startServer(env);
  try {
    yield* caseReadRatio(`api.tracing.${phase}`, fixture, child);
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

export async function* run(): AsyncIterable<Figure> {
  yield* caseReads("off", { OTEL_SDK_DISABLED: "true" });
  yield* caseReads("on", {});
  const sink = await startOtlpSink();
  let spans: number;
  try {
    yield* caseReads("exported", { LDV_OTLP_ENDPOINT: sink.url });
  } finally {
    // The service flushes what it holds as it stops, so every read's record is counted.
    spans = await sink.close();
  }
  yield { name: "api.tracing.exported.spans_received", value: spans, unit: "count" };
}
