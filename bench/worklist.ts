// GET /v1/worklist for an organisation in 1,000 open cases (issue 12: p99 <= 20 ms): the
// wijkteam owns an agreement in every case and received a share in each; one connection, so
// the latency is the request's own, not a queue's.
import { once } from "node:events";
import autocannon from "autocannon";
import { type Figure, round } from "./figure.js";
import { startServer } from "./support/apiProcess.js";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CASES = process.env.BENCH_WORKLIST_CASES ?? "1000";

export async function* run(): AsyncIterable<Figure> {
  const { fixture, child } = await startServer({ BENCH_CASES: CASES, BENCH_AGREEMENTS: "1" });
  try {
    const url = `${fixture.apiUrl}/v1/worklist`;
    const headers = { authorization: `Bearer ${fixture.wijkteam}` };
    // The first look shows every share received; later looks only what came since.
    const first = await fetch(url, { headers });
    if (first.status !== 200) throw new Error(`worklist: ${first.status} ${await first.text()}`);
    const result = await autocannon({
      url: fixture.apiUrl,
      connections: 1,
      duration: SECONDS,
      requests: [{ method: "GET", path: "/v1/worklist", headers }],
    });
    if (result.errors > 0 || result.non2xx > 0) throw new Error("worklist: failed requests");
    yield { name: "api.worklist.p50", value: round(result.latency.p50, 1), unit: "ms" };
    yield { name: "api.worklist.p99", value: round(result.latency.p99, 1), unit: "ms" };
    yield { name: "api.worklist.rps", value: round(result.requests.average), unit: "req/s" };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}
