// The service under benchmark, in a process of its own so the load generator does not share
// its event loop: production configuration on a fresh SQLite store with the demo covenant,
// a set of cases, and a bare express hello-world as the yardstick. Prints one JSON line.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import express from "express";
import { devKeyPaths, loadOrCreateDevKeyPair } from "../../src/api/http/auth/devKeys.js";
import { mintDevToken } from "../../src/api/http/auth/devTokens.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_COVENANT_ID, demoOrganisations as org } from "../../src/demo/organisations.js";
import { demoDevelopment } from "../../src/demo/seed.js";
import { createLogger } from "../../src/observability/logger.js";
import { startService } from "../../src/service.js";

const CASES = Number(process.env.BENCH_CASES ?? 64);
// For the worklist: every case also gets an agreement the wijkteam owns (see bench/worklist.ts).
const AGREEMENTS = process.env.BENCH_AGREEMENTS === "1";
const dataDir = mkdtempSync(join(tmpdir(), "casustafel-bench-api-"));

// Tokens come from the dev key pair; the service verifies them as production would, from a key file.
const development = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
await loadOrCreateDevKeyPair(dataDir);
const token = (organisationId: string, role: "professional" | "chair") =>
  mintDevToken(development, { organisationId, roles: [role], userId: `bench-${role}`, ttl: "2h" });

const config = loadConfig({
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  PORT: "0",
  HOST: "127.0.0.1",
  JWT_PUBLIC_KEY_FILE: devKeyPaths(dataDir).publicJwk,
  JWT_ALGORITHMS: "ES256",
  MASTER_KEY: randomBytes(32).toString("base64"),
  RATE_LIMIT_PER_MINUTE: "100000000",
  LOG_LEVEL: "info",
  // Tracing is on as deployed; bench/tracing.ts turns it off or exports the processing records.
  OTEL_SDK_DISABLED: process.env.OTEL_SDK_DISABLED,
  LDV_OTLP_ENDPOINT: process.env.LDV_OTLP_ENDPOINT,
});
// Request logs are written as in production, to a sink, so their cost is in the figures.
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const service = await startService(config, createLogger(config, sink), {
  development: demoDevelopment(),
});

const hello = express();
hello.get("/", (_req, res) => {
  res.send("hello world");
});
const helloServer = hello.listen(0, "127.0.0.1");
await new Promise((resolve) => helloServer.once("listening", resolve));
const helloPort = (helloServer.address() as { port: number }).port;

const school = await token(org.secondarySchool, "professional");
const chair = await token(org.samenwerkingsverband, "chair");
const wijkteam = await token(org.wijkteam, "professional");

async function post(path: string, bearer: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

const caseIds: string[] = [];
for (let n = 0; n < CASES; n++) {
  const { caseId } = await post("/v1/cases", school, {
    covenantId: DEMO_COVENANT_ID,
    subject: { name: `Leerling ${n}`, dateOfBirth: "2010-05-04", school: "Het Rivierencollege" },
    contact: { name: "Mentor", function: "mentor", reach: "06-00000000" },
    category: "verzuim",
    level: "preventie",
    urgency: "medium",
    description: "Leerling verzuimt sinds de herfstvakantie structureel op maandag en dinsdag.",
  });
  await post(`/v1/cases/${caseId}/invitations`, chair, { organisationId: org.wijkteam });
  await post(`/v1/cases/${caseId}/participants`, wijkteam, {
    contact: { name: "Wijkcoach", function: "wijkcoach", reach: "06-11111111" },
  });
  caseIds.push(caseId!);
}

const share = {
  recipients: [org.wijkteam],
  dataCategories: ["signaal", "school"],
  legalBasisId: "avg-6-1-e-publieke-taak",
  purposeId: "veiligheid-in-en-om-school",
  necessity:
    "Het wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen op wat school ziet.",
  content: "Afwezig op maandag en dinsdag sinds de herfstvakantie; ouders zijn gebeld.",
};
// Each case gets one share up front, so a read shows a share as a participant would.
for (const caseId of caseIds) await post(`/v1/cases/${caseId}/shares`, school, share);

/** 2% overdue, 3% due within the week, the rest later: what an organisation's year looks like. */
const dueDateOf = (n: number) => {
  const days = n % 100 < 2 ? -3 : n % 100 < 5 ? 3 : 30 + (n % 300);
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
};
if (AGREEMENTS) {
  for (const [n, caseId] of caseIds.entries()) {
    await post(`/v1/cases/${caseId}/agreements`, chair, {
      what: "Huisbezoek plannen",
      ownerOrganisationId: org.wijkteam,
      owner: { name: "Wijkcoach", function: "wijkcoach", reach: "06-11111111" },
      dueDate: dueDateOf(n),
    });
  }
}

process.stdout.write(
  `${JSON.stringify({ apiUrl: service.url, helloUrl: `http://127.0.0.1:${helloPort}`, caseIds, school, wijkteam, share })}\n`,
);
process.once("SIGTERM", () => {
  helloServer.close();
  service.close().then(() => process.exit(0));
});
