// The shelved access log: blue-green rebuild throughput over read records (most of a
// production store), and how long a restarted process takes to resume it from its checkpoint.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { domainCodec } from "../src/commands/eventCodec.js";
import { CASE_CONTENT_READ } from "../src/privacy/accessRecords.js";
import { masterKeyFrom } from "../src/privacy/keys/masterKey.js";
import { sqliteKeyVault } from "../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../src/privacy/keys/subjectKeys.js";
import { openAccessLog } from "../src/projections/accessLog/accessLog.js";
import { createProjector } from "../src/projections/projector.js";
import {
  offThreadModelTables,
  readModelsPath,
} from "../src/projections/shelved/offThreadModelTables.js";
import { openSqliteEventStore, type SqliteEventStore } from "../src/store/sqlite/index.js";
import { type Figure, round } from "./figure.js";

const EVENTS = Number(process.env.BENCH_SHELF_EVENTS ?? 200_000);
const CASES = 100;
const BATCH = 1000;
const ORGS = ["org-school", "org-wijkteam", "org-politie", "org-leerplicht"];

/** EVENTS read records of CASES cases, as the recorded read appends them. */
async function readRecords(store: SqliteEventStore): Promise<void> {
  const cases = Array.from({ length: CASES }, () => ({ id: randomUUID(), subject: randomUUID() }));
  for (let n = 0; n < EVENTS; n += BATCH) {
    const seen = cases[(n / BATCH) % CASES]!;
    const events = Array.from({ length: Math.min(BATCH, EVENTS - n) }, (_, i) => ({
      eventId: randomUUID(),
      type: CASE_CONTENT_READ,
      data: {
        caseId: seen.id,
        subjectId: seen.subject,
        covenantId: "cov",
        itemIds: ["header", "share:1"],
        userId: `u-${i % 50}`,
        organisationId: ORGS[i % ORGS.length]!,
        roles: ["professional"],
        purpose: "casusoverleg",
        readAt: new Date(Date.UTC(2025, 0, 1) + (n + i) * 1000).toISOString(),
        correlationId: randomUUID(),
      },
    }));
    await store.append(`access-${seen.id}`, events);
  }
}

export async function* run(): AsyncIterable<Figure> {
  const dir = mkdtempSync(join(tmpdir(), "casustafel-bench-shelves-"));
  const path = join(dir, "store.db");
  const masterKey = masterKeyFrom(randomBytes(32));
  try {
    let store = openSqliteEventStore(path);
    await readRecords(store);
    const open = async () => {
      const keyStore = createKeyStore({ vault: sqliteKeyVault(store.db), masterKey });
      // As the service keeps them: a file of their own, written by a worker thread.
      const tables = await offThreadModelTables(readModelsPath(path));
      const model = await openAccessLog(tables);
      const projector = createProjector({
        store,
        codec: domainCodec(keyStore),
        keyStore,
        models: [model],
      });
      return { model, projector, tables };
    };
    let { projector, tables } = await open();
    await projector.start();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await projector.rebuild("accessLog");
    const seconds = (performance.now() - t0) / 1000;
    const { user, system } = process.cpuUsage(cpu0);
    yield { name: "shelves.access_log.rebuild", value: round(EVENTS / seconds), unit: "ev/s" };
    // Per CPU second (every thread): the figure a shared, loaded machine distorts least.
    const perCpu = EVENTS / ((user + system) / 1e6);
    yield { name: "shelves.access_log.rebuild_per_cpu_s", value: round(perCpu), unit: "ev/s" };
    await projector.stop();
    await Promise.all([store.close(), tables.close()]);

    store = openSqliteEventStore(path);
    const t1 = performance.now();
    ({ projector, tables } = await open());
    await projector.start();
    yield {
      name: "shelves.access_log.resume",
      value: round(performance.now() - t1, 1),
      unit: "ms",
    };
    await projector.stop();
    await Promise.all([store.close(), tables.close()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
