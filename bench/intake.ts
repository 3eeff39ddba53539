// POST /v1/cases with 100,000 young people in the identity index: the no-match path (a new
// young person: lookups, a new case, its indexes) and the matched path (a strong match: the
// signal joins an open case), under 50 concurrent connections. Part of `npm run bench -- api`.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import autocannon, { type Request } from "autocannon";
import { type Figure, round } from "./figure.js";
import { intakeBody, personOf } from "./support/intakePeople.js";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 50;

interface Fixture {
  apiUrl: string;
  school: string;
  police: string;
  openCases: number;
  subjects: number;
  seededMs: number;
}

async function startServer() {
  const node = ["--max-semi-space-size=64", "--import", "tsx", "bench/support/intakeServer.ts"];
  const child = spawn(process.execPath, node, { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, "line")) as [string];
  return { fixture: JSON.parse(line) as Fixture, child };
}

/** Signals about the people from..., each request about the next one. */
function signalsAbout(first: number, count: number) {
  let next = 0;
  return (request: Request) => ({
    ...request,
    body: JSON.stringify(intakeBody(personOf(first + (next++ % count)))),
  });
}

async function load(url: string, token: string, setupRequest: Request["setupRequest"]) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        path: "/v1/cases",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        setupRequest,
      },
    ],
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`intake: ${result.errors} errors, ${JSON.stringify(result.statusCodeStats)}`);
  }
  return result;
}

export async function* run(): AsyncIterable<Figure> {
  const { fixture, child } = await startServer();
  try {
    yield { name: "api.intake.subjects", value: fixture.subjects, unit: "count" };
    yield { name: "api.intake.seed_ms", value: fixture.seededMs, unit: "ms" };
    // New people, numbered past every seeded one, so none is found.
    const fresh = signalsAbout(fixture.subjects + 1, 10_000_000);
    const none = await load(fixture.apiUrl, fixture.school, fresh);
    yield { name: "api.intake.no_match.rps", value: round(none.requests.average), unit: "req/s" };
    yield { name: "api.intake.no_match.p50", value: round(none.latency.p50, 1), unit: "ms" };
    yield { name: "api.intake.no_match.p99", value: round(none.latency.p99, 1), unit: "ms" };
    // The police raises signals about people whose case the school opened: each joins it.
    const known = signalsAbout(0, fixture.openCases);
    const matched = await load(fixture.apiUrl, fixture.police, known);
    yield { name: "api.intake.matched.rps", value: round(matched.requests.average), unit: "req/s" };
    yield { name: "api.intake.matched.p50", value: round(matched.latency.p50, 1), unit: "ms" };
    yield { name: "api.intake.matched.p99", value: round(matched.latency.p99, 1), unit: "ms" };
    const joined =
      (matched.statusCodeStats as Record<string, { count: number }>)["200"]?.count ?? 0;
    yield { name: "api.intake.matched.joined", value: joined, unit: "count" };
    const ratio = matched.requests.average / none.requests.average;
    yield { name: "api.intake.matched_to_no_match.ratio", value: round(ratio, 3), unit: "ratio" };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}
