// Writes without If-Match under contention: a few connections share on a few cases at once,
// on SQLite and on PostgreSQL, and every answer that is not 201 is counted by its status.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Figure, round } from "./figure.js";
import { caseWorkTokens, openCases, shareBody } from "./support/caseWork.js";
import { generateLoad } from "./support/loadGenerator.js";
import { benchDatabase } from "./support/postgres.js";
import { startBenchService } from "./support/service.js";

const SECONDS = Number(process.env.BENCH_CONTENTION_SECONDS ?? 10);
const WRITERS = 8;
const CASES = 4;

async function* contended(
  store: "sqlite" | "postgres",
  databaseUrl?: string,
): AsyncIterable<Figure> {
  const dataDir = mkdtempSync(join(tmpdir(), "casustafel-bench-contention-"));
  const service = await startBenchService({
    NODE_ENV: "test",
    STORE: store,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: dataDir,
    MASTER_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "100000000",
  });
  try {
    const tokens = await caseWorkTokens(dataDir);
    const cases = await openCases(service.url, tokens, CASES);
    let next = 0;
    const result = await generateLoad({
      url: service.url,
      connections: WRITERS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          headers: { authorization: `Bearer ${tokens.school}`, "content-type": "application/json" },
          body: shareBody,
          setupRequest: (request) => ({
            ...request,
            path: `/v1/cases/${cases[next++ % CASES]}/shares`,
          }),
        },
      ],
    });
    const name = (measure: string) => `contention.${store}.${measure}`;
    yield { name: name("writes"), value: result.requests.total, unit: "count" };
    yield { name: name("rps"), value: round(result.requests.average), unit: "req/s" };
    yield { name: name("p99"), value: result.latency.p99, unit: "ms" };
    yield { name: name("not_201"), value: result.non2xx + result.errors, unit: "count" };
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
      if (status !== "201") yield { name: name(`status_${status}`), value: count, unit: "count" };
    }
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function* run(): AsyncIterable<Figure> {
  yield* contended("sqlite");
  const database = await benchDatabase();
  try {
    yield* contended("postgres", database.url);
  } finally {
    await database.dispose();
  }
}
