// The store of a busy region after years of work, for `npm run bench -- scale`: case work
// written through the service (sealed personal fields, the store's hash chain), then read
// records up to BENCH_SCALE_EVENTS, then the whole store verified. An SQLite fixture is kept
// under bench/.cache and reused; a PostgreSQL one too when DATABASE_URL names a server that
// outlives the run (else it is written into an embedded server for this run).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { devKeyPaths, loadOrCreateDevKeyPair } from "../../src/api/http/auth/devKeys.js";
import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { verifyAll } from "../../src/store/hashChain.js";
import { openPostgresEventStore } from "../../src/store/postgres/index.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { caseWorkTokens } from "./caseWork.js";
import { benchDatabase } from "./postgres.js";
import { fillReadRecords } from "./readRecordFill.js";
import { writeCaseWork } from "./scaleCaseWork.js";
import { startBenchService } from "./service.js";

export type ScaleStoreKind = "sqlite" | "postgres";

const CACHE = fileURLToPath(new URL("../.cache/", import.meta.url));
const CASES = Number(process.env.BENCH_SCALE_CASES ?? 200);

/** What the fixture's manifest keeps, written last: a directory without one is unfinished. */
interface Manifest {
  events: number;
  caseIds: string[];
  masterKey: string;
  databaseName?: string;
  /** How the fixture was written, when it was: case work, read records, verification. */
  written: { caseWorkSeconds: number; fillEventsPerSecond: number; verified: number };
}

export interface ScaleFixture extends Manifest {
  kind: ScaleStoreKind;
  covenantId: string;
  dataDir: string;
  /** Written in this run rather than found in the cache. */
  fresh: boolean;
  /** The environment the service (src/main.ts) runs with on this store, in production mode. */
  environment: Record<string, string>;
  /** Opens the store itself, while no service holds it. */
  openStore(): Promise<EventStore>;
  dispose(): Promise<void>;
}

/** The database `name` on the server, emptied unless `keep` and it exists; true when kept. */
async function scaleDatabase(serverUrl: string, name: string, keep: boolean): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (keep && rowCount === 1) return true;
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    return false;
  } finally {
    await client.end();
  }
}

/** Where the store lives: its environment, and whether a manifest may describe what is there. */
async function location(kind: ScaleStoreKind, events: number, dataDir: string) {
  if (kind === "sqlite") return { environment: { STORE: "sqlite" }, reusable: true, dispose: noop };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await benchDatabase();
    const environment = { STORE: "postgres", DATABASE_URL: database.url };
    return { environment, reusable: false, dispose: database.dispose };
  }
  const name = `casustafel_scale_${events}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const reusable = await scaleDatabase(serverUrl, name, existsSync(join(dataDir, "fixture.json")));
  return {
    environment: { STORE: "postgres", DATABASE_URL: url.toString() },
    reusable,
    dispose: noop,
  };
}
const noop = async () => {};

async function write(
  dataDir: string,
  environment: Record<string, string>,
  openStore: () => Promise<EventStore>,
  events: number,
): Promise<Manifest> {
  const started = performance.now();
  const seeding = await startBenchService({ ...environment, NODE_ENV: "development" });
  let caseIds: string[];
  try {
    caseIds = await writeCaseWork(seeding.url, await caseWorkTokens(dataDir), CASES);
  } finally {
    await seeding.stop();
  }
  const caseWorkSeconds = (performance.now() - started) / 1000;
  const store = await openStore();
  try {
    const head = Number(await store.headPosition());
    const filling = performance.now();
    await fillReadRecords(store, Math.max(0, events - head));
    const fillEventsPerSecond = (events - head) / ((performance.now() - filling) / 1000);
    const report = await verifyAll(store);
    if (report.broken.length > 0)
      throw new Error(`broken chains: ${JSON.stringify(report.broken)}`);
    const masterKey = environment.MASTER_KEY!;
    const written = { caseWorkSeconds, fillEventsPerSecond, verified: report.eventsChecked };
    return { events, caseIds, masterKey, written };
  } finally {
    await store.close();
  }
}

/** The fixture of `events` events on `kind`, from the cache or written now. */
export async function scaleFixture(kind: ScaleStoreKind, events: number): Promise<ScaleFixture> {
  const dataDir = join(CACHE, `scale-${kind}-${events}`);
  const manifestPath = join(dataDir, "fixture.json");
  const where = await location(kind, events, dataDir);
  if (!where.reusable || !existsSync(manifestPath))
    rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await loadOrCreateDevKeyPair(dataDir);
  const cached = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest)
    : undefined;
  const masterKey = cached?.masterKey ?? randomBytes(32).toString("base64");
  const environment: Record<string, string> = {
    ...where.environment,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    MASTER_KEY: masterKey,
    JWT_PUBLIC_KEY_FILE: devKeyPaths(dataDir).publicJwk,
    JWT_ALGORITHMS: "ES256",
    RATE_LIMIT_PER_MINUTE: "100000000",
    LOG_LEVEL: "warn",
  };
  const openStore = async (): Promise<EventStore> =>
    kind === "sqlite"
      ? openSqliteEventStore(join(dataDir, "casustafel.sqlite"))
      : openPostgresEventStore(environment.DATABASE_URL!);
  const manifest = cached ?? (await write(dataDir, environment, openStore, events));
  if (!cached) writeFileSync(manifestPath, `${JSON.stringify(manifest)}\n`);
  return {
    ...manifest,
    kind,
    covenantId: DEMO_COVENANT_ID,
    dataDir,
    fresh: !cached,
    environment,
    openStore,
    dispose: where.dispose,
  };
}
