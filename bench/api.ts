// HTTP API throughput: authenticated, access-logged case reads and share posts under 50
// concurrent connections, beside a bare express hello-world measured in the same run.
import { once } from "node:events";
import { type Figure, round } from "./figure.js";
import { run as intake } from "./intake.js";
import { startServer } from "./support/apiProcess.js";
import { load, roundRobin } from "./support/httpLoad.js";
import { run as tracing } from "./tracing.js";
import { run as worklist } from "./worklist.js";

export async function* run(): AsyncIterable<Figure> {
  const { fixture, child } = await startServer();
  try {
    const hello = await load(fixture.helloUrl, { method: "GET", path: "/" });
    yield { name: "api.hello.rps", value: round(hello.requests.average), unit: "req/s" };

    const read = await load(fixture.apiUrl, {
      method: "GET",
      headers: { authorization: `Bearer ${fixture.wijkteam}` },
      setupRequest: roundRobin(fixture.caseIds.map((id) => `/v1/cases/${id}`)),
    });
    yield { name: "api.case_read.rps", value: round(read.requests.average), unit: "req/s" };
    yield { name: "api.case_read.p99", value: round(read.latency.p99, 1), unit: "ms" };
    const ratio = read.requests.average / hello.requests.average;
    yield { name: "api.case_read.ratio", value: round(ratio, 3), unit: "ratio" };

    const share = await load(fixture.apiUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${fixture.school}`, "content-type": "application/json" },
      body: JSON.stringify(fixture.share),
      setupRequest: roundRobin(fixture.caseIds.map((id) => `/v1/cases/${id}/shares`)),
    });
    yield { name: "api.share_post.rps", value: round(share.requests.average), unit: "req/s" };
    yield { name: "api.share_post.p99", value: round(share.latency.p99, 1), unit: "ms" };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  yield* tracing();
  yield* worklist();
  yield* intake();
}
