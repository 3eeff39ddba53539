import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCovenantCommand } from "../../src/commands/covenants.js";
import type { SqliteEventStore } from "../../src/store/sqlite/index.js";
import { COVENANT_ID, covenantCommandOf, regionCommands } from "../domain/fixtures.js";
import { type StoreKind, startTestService, type TestService } from "./support/service.js";

const COVENANT_STREAM = `covenant-${COVENANT_ID}`;

/**
 * Edits the covenant stream's stored rows behind the service's back, as an intruder with the
 * database would: the first event's data, or the stream's head (the hash the next append links to).
 */
interface Intruder {
  read(): Promise<string>;
  write(data: string): Promise<void>;
  rewriteHead(hash: string): Promise<void>;
  close(): Promise<void>;
}

function sqliteIntruder(service: TestService): Intruder {
  // The service holds the file's exclusive lock, so the edit goes through its own connection.
  const { db } = service.service.system.store as unknown as SqliteEventStore;
  const where = "WHERE stream_id = ? AND revision = 0";
  return {
    read: async () =>
      (db.prepare(`SELECT data FROM events ${where}`).get(COVENANT_STREAM) as { data: string })
        .data,
    write: async (data) =>
      void db.prepare(`UPDATE events SET data = ? ${where}`).run(data, COVENANT_STREAM),
    rewriteHead: async (hash) =>
      void db
        .prepare("UPDATE streams SET last_hash = ? WHERE stream_id = ?")
        .run(hash, COVENANT_STREAM),
    close: async () => {},
  };
}

async function postgresIntruder(service: TestService): Promise<Intruder> {
  const client = new pg.Client({ connectionString: service.config.store.databaseUrl });
  await client.connect();
  const where = "WHERE stream_id = $1 AND revision = 0";
  return {
    read: async () =>
      (await client.query(`SELECT data::text AS data FROM events ${where}`, [COVENANT_STREAM]))
        .rows[0].data,
    write: async (data) =>
      void (await client.query(`UPDATE events SET data = $2::json ${where}`, [
        COVENANT_STREAM,
        data,
      ])),
    rewriteHead: async (hash) =>
      void (await client.query("UPDATE streams SET hash = $2 WHERE stream_id = $1", [
        COVENANT_STREAM,
        hash,
      ])),
    close: () => client.end(),
  };
}

/** The whole service on a fresh store with the region's covenant, and an intruder in its database. */
async function covenantService(kind: StoreKind, sweepIntervalSeconds: number) {
  const service = await startTestService(kind, {
    env: { INTEGRITY_SWEEP_INTERVAL_S: String(sweepIntervalSeconds) },
  });
  for (const command of regionCommands()) {
    await handleCovenantCommand(service.service.system.resources.commands, command);
  }
  const intruder = kind === "sqlite" ? sqliteIntruder(service) : await postgresIntruder(service);
  return { service, intruder };
}

/** Asks until the answer is yes; the sweep runs every second, so a few tries are expected. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const brokenGauge = /^casustafel_integrity_broken_streams (\d+)$/m;

/** What an operator sees of a service: the gauge, /ready and the hash-chain log lines. */
function operatorView(service: TestService) {
  return {
    gauge: async () =>
      Number((await (await fetch(`${service.url}/metrics`)).text()).match(brokenGauge)?.[1]),
    ready: async () => {
      const response = await fetch(`${service.url}/ready`);
      // biome-ignore lint/suspicious/noExplicitAny: the test reads the readiness JSON as it comes
      return { status: response.status, body: (await response.json()) as any };
    },
    brokenLines: () =>
      service.logs
        .map((line) => JSON.parse(line))
        .filter((entry) => /hash chain broken/.test(entry.msg)),
  };
}

describe.each(["sqlite", "postgres"] as StoreKind[])("integrity sweeps on %s", (kind) => {
  let service: TestService;
  let intruder: Intruder;
  let original: string;
  let view: ReturnType<typeof operatorView>;
  beforeAll(async () => {
    ({ service, intruder } = await covenantService(kind, 1));
    view = operatorView(service);
    original = await intruder.read();
  });
  afterAll(async () => {
    await intruder?.close();
    await service?.close();
  });

  it("given untouched chains, then the gauge is 0 and /ready says ready and intact", async () => {
    await eventually(
      async () => (await view.ready()).body.checks.integrity === "intact",
      "a sweep",
    );
    expect(await view.gauge()).toBe(0);
    expect(await view.ready()).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("given a stored row edited in the database, then the gauge, one error line and a degraded (still 200) /ready report it", async () => {
    await intruder.write(JSON.stringify({ ...JSON.parse(original), name: "Forged covenant" }));

    await eventually(
      async () => (await view.gauge()) === 1,
      "the gauge to count the broken stream",
    );
    await service.service.system.integrity.sweep();

    const lines = view.brokenLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      streamId: COVENANT_STREAM,
      revision: 0,
      reason: "hash_mismatch",
    });
    const ownFields = Object.keys(lines[0]).filter(
      (key) => !["level", "time", "pid", "hostname", "service", "msg"].includes(key),
    );
    expect(ownFields.sort()).toEqual(["reason", "revision", "streamId"]);
    const ready = await view.ready();
    expect(ready).toMatchObject({
      status: 200,
      body: { status: "degraded", checks: { integrity: "broken", brokenStreams: 1 } },
    });
    expect(JSON.stringify(ready.body)).not.toContain(COVENANT_ID);
  });

  it("given the row restored, then the gauge returns to 0 and /ready to ready", async () => {
    await intruder.write(original);

    await eventually(async () => (await view.gauge()) === 0, "the gauge to clear");
    expect(await view.ready()).toMatchObject({
      status: 200,
      body: { status: "ready", checks: { integrity: "intact" } },
    });
  });
});

describe.each(["sqlite", "postgres"] as StoreKind[])("the live integrity check on %s", (kind) => {
  let service: TestService;
  let intruder: Intruder;
  beforeAll(async () => {
    ({ service, intruder } = await covenantService(kind, 3_600));
  });
  afterAll(async () => {
    await intruder?.close();
    await service?.close();
  });

  it("given a stream's stored head rewritten, when the service appends its next event, then the event is flagged as it arrives, with no sweep due", async () => {
    const view = operatorView(service);
    await eventually(
      async () => (await view.ready()).body.checks.integrity === "intact",
      "a sweep",
    );
    const revisions = await service.service.system.store.readStream(COVENANT_STREAM);
    await intruder.rewriteHead("f".repeat(64));

    await handleCovenantCommand(
      service.service.system.resources.commands,
      covenantCommandOf({
        type: "SetRetention",
        purposeId: "veiligheid-school",
        yearsAfterClosure: 6,
      }),
    );

    await eventually(async () => (await view.gauge()) === 1, "the live check to flag the event");
    expect(view.brokenLines()).toEqual([
      expect.objectContaining({
        streamId: COVENANT_STREAM,
        revision: revisions.length,
        reason: "prev_hash_mismatch",
      }),
    ]);
  });
});
