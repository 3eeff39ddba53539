// The service for the intake bench: production configuration on a fresh SQLite store with the
// demo covenant, 100,000 young people in its identity index (written in one transaction through
// the real index, which coalesces adds made together, before the service opens the file), and a few open cases to match. Prints one
// JSON line: the URL, a token, and the people whose cases are open.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { devKeyPaths, loadOrCreateDevKeyPair } from "../../src/api/http/auth/devKeys.js";
import { mintDevToken } from "../../src/api/http/auth/devTokens.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_COVENANT_ID, demoOrganisations as org } from "../../src/demo/organisations.js";
import { demoDevelopment } from "../../src/demo/seed.js";
import { matchKeysOf } from "../../src/domain/index.js";
import { createLogger } from "../../src/observability/logger.js";
import { createBlindIndexer } from "../../src/privacy/identity/blindIndex.js";
import { masterKeyFrom } from "../../src/privacy/keys/masterKey.js";
import { sqliteIdentityIndex } from "../../src/privacy/keys/sqlite/identityIndex.js";
import { startService } from "../../src/service.js";
import { openSqliteDatabase } from "../../src/store/sqlite/index.js";
import { intakeBody, personOf } from "./intakePeople.js";

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 256);
const dataDir = mkdtempSync(join(tmpdir(), "casustafel-bench-intake-"));
const masterKey = randomBytes(32);

/** The young people already known: their blind indexes, as intake would have written them. */
async function seedIdentityIndex(path: string): Promise<void> {
  const db = openSqliteDatabase(path);
  const index = sqliteIdentityIndex(db);
  const indexer = createBlindIndexer(masterKeyFrom(masterKey));
  const indexesOf = (n: number) => indexer.indexesOf(DEMO_COVENANT_ID, matchKeysOf(personOf(n)));
  // Adds made together are written in one transaction by the index itself.
  const adds: Promise<void>[] = [];
  for (let n = OPEN_CASES; n < SUBJECTS; n++) {
    adds.push(index.add(DEMO_COVENANT_ID, `seeded-${n}`, indexesOf(n)));
  }
  await Promise.all(adds);
  db.close();
}

const development = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
await loadOrCreateDevKeyPair(dataDir);
const config = loadConfig({
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  PORT: "0",
  HOST: "127.0.0.1",
  JWT_PUBLIC_KEY_FILE: devKeyPaths(dataDir).publicJwk,
  JWT_ALGORITHMS: "ES256",
  MASTER_KEY: masterKey.toString("base64"),
  RATE_LIMIT_PER_MINUTE: "100000000",
  LOG_LEVEL: "info",
});
const seeding = Date.now();
await seedIdentityIndex(config.store.kind === "sqlite" ? config.store.sqlitePath : "");
const seededMs = Date.now() - seeding;

const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const service = await startService(config, createLogger(config, sink), {
  development: demoDevelopment(),
});
const school = await mintDevToken(development, {
  organisationId: org.secondarySchool,
  roles: ["professional"],
  userId: "bench-mentor",
  ttl: "2h",
});
const police = await mintDevToken(development, {
  organisationId: org.police,
  roles: ["professional"],
  userId: "bench-wijkagent",
  ttl: "2h",
});

// The first OPEN_CASES people have an open case, opened through the API as a school would.
for (let n = 0; n < OPEN_CASES; n++) {
  const response = await fetch(`${service.url}/v1/cases`, {
    method: "POST",
    headers: { authorization: `Bearer ${school}`, "content-type": "application/json" },
    body: JSON.stringify(intakeBody(personOf(n))),
  });
  if (response.status !== 201) throw new Error(`opening case ${n}: ${response.status}`);
}

process.stdout.write(
  `${JSON.stringify({ apiUrl: service.url, school, police, openCases: OPEN_CASES, subjects: SUBJECTS, seededMs })}\n`,
);
process.once("SIGTERM", () => {
  service.close().then(() => process.exit(0));
});
