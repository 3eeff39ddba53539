// Webhook fan-out: 1,000 notified events to 10 subscribers on loopback. The wijkteam's admin
// subscribes ten receiver URLs; the chair records 1,000 agreements the wijkteam owns in 20
// cases, 16 requests at a time. Figures: the drain after the last write answered (what the
// outbox adds to the writes), then the outbox alone: every subscription replays its 1,000
// deliveries at once, timed from the replay requests to the 10,000th delivery received. The
// receiver runs in a process of its own (a partner's system does not share the service's event
// loop); WEBHOOK_CONCURRENCY is 128 (BENCH_NOTIFY_CONCURRENCY to change it).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { mintDevToken } from "../src/api/http/auth/devTokens.js";
import { loadConfig } from "../src/config.js";
import { demoDevelopment } from "../src/demo/seed.js";
import { createMetrics } from "../src/observability/metrics.js";
import { startService } from "../src/service.js";
import { agreement, ORG, openCaseBody } from "../test/cluster/support/scenario.js";
import { type Figure, round } from "./figure.js";
import { startReceiverProcess } from "./support/receiverProcess.js";

const EVENTS = Number(process.env.BENCH_NOTIFY_EVENTS ?? 1_000);
const SUBSCRIBERS = 10;
const CLIENTS = 16;
const CASES = 20;

export async function* run(): AsyncIterable<Figure> {
  const receiver = await startReceiverProcess();
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-bench-notify-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: "10000000",
    WEBHOOK_ALLOWED_URLS: `${receiver.base}/hooks`,
    WEBHOOK_CONCURRENCY: process.env.BENCH_NOTIFY_CONCURRENCY ?? "128",
  });
  const service = await startService(config, pino({ level: "silent" }), {
    metrics: createMetrics({ defaultMetrics: false }),
    development: demoDevelopment(),
  });
  try {
    const token = (org: string, role: "admin" | "chair" | "professional") =>
      mintDevToken(config, { organisationId: org, roles: [role], userId: `${org}-${role}` });
    const call = async (who: string, method: string, path: string, body: unknown) => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${who}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`${path}: ${response.status}`);
      return response.json() as Promise<Record<string, string>>;
    };
    const [admin, chair, school, wijkteam] = await Promise.all([
      token(ORG.wijkteam, "admin"),
      token(ORG.chair, "chair"),
      token(ORG.school, "professional"),
      token(ORG.wijkteam, "professional"),
    ]);
    const contact = { name: "W. Coach", function: "wijkcoach", reach: "w@wijk.example" };
    const cases: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const { caseId } = await call(school, "POST", "/v1/cases", openCaseBody(n));
      await call(chair, "POST", `/v1/cases/${caseId}/invitations`, {
        organisationId: ORG.wijkteam,
      });
      await call(wijkteam, "POST", `/v1/cases/${caseId}/participants`, { contact });
      cases.push(caseId!);
    }
    const subscriptions: string[] = [];
    for (let n = 0; n < SUBSCRIBERS; n++) {
      const body = { url: `${receiver.base}/hooks/${n}`, notificationTypes: ["agreement.made"] };
      subscriptions.push((await call(admin, "POST", "/v1/webhooks", body)).subscriptionId!);
    }
    const before = receiver.received();
    const started = performance.now();
    let next = 0;
    const client = async () => {
      while (next < EVENTS) {
        const caseId = cases[next++ % CASES];
        await call(chair, "POST", `/v1/cases/${caseId}/agreements`, agreement(`Afspraak ${next}`));
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const appended = performance.now();
    const expected = before + EVENTS * SUBSCRIBERS;
    await receiver.until(expected);
    const delivered = performance.now();
    yield { name: "notify.writes-then-drain.writes", value: round(appended - started), unit: "ms" };
    yield {
      name: "notify.writes-then-drain.drain",
      value: round(delivered - appended),
      unit: "ms",
    };

    const replayed = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const id of subscriptions) {
      await call(admin, "POST", `/v1/webhooks/${id}/replays`, { fromPosition: "0" });
    }
    await receiver.until(expected + EVENTS * SUBSCRIBERS);
    const fannedOut = performance.now() - replayed;
    const cpu = process.cpuUsage(cpuBefore);
    yield { name: "notify.fanout.1000x10", value: round(fannedOut), unit: "ms" };
    yield {
      name: "notify.fanout.deliveries",
      value: round((EVENTS * SUBSCRIBERS * 1000) / fannedOut),
      unit: "req/s",
    };
    yield { name: "notify.fanout.cpu", value: round((cpu.user + cpu.system) / 1000), unit: "ms" };
  } finally {
    await service.close();
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
