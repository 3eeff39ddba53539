import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { handleCaseCommand } from "../../src/commands/cases.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_COVENANT_ID, demoOrganisations } from "../../src/demo/organisations.js";
import { seedDemoCovenantIfEmpty } from "../../src/demo/seed.js";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { openSystem } from "../../src/system.js";
import { freshDatabaseUrl } from "../support/postgres.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Opens the system as configured, seeds the demo covenant and opens one case, then closes. */
async function openOneCase(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-storage-"));
  dirs.push(dataDir);
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, ...env });
  const system = await openSystem(config, createLogger({ logLevel: "silent" }), {
    metrics: createMetrics({ defaultMetrics: false }),
  });
  const subjectId = randomUUID();
  try {
    await system.catchUp();
    await seedDemoCovenantIfEmpty(system);
    await handleCaseCommand(system.resources.commands, {
      type: "RaiseSignal",
      actor: {
        userId: "mentor",
        organisationId: demoOrganisations.secondarySchool,
        roles: ["professional"],
      },
      now: new Date().toISOString(),
      caseId: randomUUID(),
      signalId: randomUUID(),
      subjectId,
      covenantId: DEMO_COVENANT_ID,
      subject: { name: "Noor", dateOfBirth: "2011-02-02", school: "Het Rivierencollege" },
      contact: { name: "Mentor", function: "Mentor", reach: "mentor@school.example" },
      category: "pesten",
      level: "preventie",
      urgency: "low",
      description: "Zorg",
    });
  } finally {
    await system.close();
  }
  return { dataDir, subjectId };
}

const sqliteKeyRows = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE name = 'subject_keys'").get();
    if (!table) return [];
    return db.prepare("SELECT subject_id FROM subject_keys").all() as { subject_id: string }[];
  } finally {
    db.close();
  }
};

describe("where the data keys live", () => {
  it("SQLite: in the events' own file by default", async () => {
    const { dataDir, subjectId } = await openOneCase({});
    expect(sqliteKeyRows(join(dataDir, "casustafel.sqlite"))).toEqual([{ subject_id: subjectId }]);
  });

  it("KEYSTORE_URL as an SQLite path: keys there, none in the events' file", async () => {
    const keys = join(tmpdir(), `keys-${randomUUID()}.sqlite`);
    const { dataDir, subjectId } = await openOneCase({ KEYSTORE_URL: keys });
    dirs.push(keys, `${keys}-wal`, `${keys}-shm`);
    expect(sqliteKeyRows(keys)).toEqual([{ subject_id: subjectId }]);
    expect(sqliteKeyRows(join(dataDir, "casustafel.sqlite"))).toEqual([]);
  });

  it("KEYSTORE_URL as a PostgreSQL URL, with the events in PostgreSQL elsewhere", async () => {
    const keysUrl = await freshDatabaseUrl();
    const { subjectId } = await openOneCase({
      STORE: "postgres",
      DATABASE_URL: await freshDatabaseUrl(),
      KEYSTORE_URL: keysUrl,
    });
    expect(await postgresKeyRows(keysUrl)).toEqual([{ subject_id: subjectId }]);
  });

  it("KEYSTORE_URL as a PostgreSQL URL, with the events in SQLite: keys there, none in the events' file", async () => {
    const keysUrl = await freshDatabaseUrl();
    const { dataDir, subjectId } = await openOneCase({ KEYSTORE_URL: keysUrl });
    expect(await postgresKeyRows(keysUrl)).toEqual([{ subject_id: subjectId }]);
    expect(sqliteKeyRows(join(dataDir, "casustafel.sqlite"))).toEqual([]);
  });
});

async function postgresKeyRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT subject_id FROM subject_keys")).rows;
  } finally {
    await client.end();
  }
}
