// HTTP API throughput: authenticated share posts under 50 concurrent connections; the
// authenticated, access-logged case read beside a bare express hello-world is tracing.ts's
// (api.tracing.on.* is the service as deployed), then the worklist and the intake.
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
