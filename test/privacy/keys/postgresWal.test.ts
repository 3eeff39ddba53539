import { randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../../../src/privacy/keys/postgres/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { openStorage } from "../../../src/storage.js";
import { capturedLogs } from "../../api/support/capturedLogs.js";
import { type PostgresServer, startEmbeddedPostgres } from "../../support/embeddedPostgres.js";
import { freshDatabaseUrl, OWN_SERVER_UNAVAILABLE } from "../../support/postgres.js";
import { dataDirectoryHolding, holdWal, keyNeedles } from "./rawFiles.js";

// Issue 9, item 11: the heap was clean after an erasure, but pg_wal still held the key. These
// tests read every file of a server's data directory, so they need a server of their own.
if (OWN_SERVER_UNAVAILABLE) console.warn(`raw scan of pg_wal skipped: ${OWN_SERVER_UNAVAILABLE}`);

let server: PostgresServer;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  if (!OWN_SERVER_UNAVAILABLE) server = await startEmbeddedPostgres("wal");
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await server?.stop();
});

function poolOn(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  // pool.end() does not wait for its connections to close, and the server stops right after:
  // a connection the shutdown cuts is no test's concern.
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
}

/** Fifty subjects with keys; one of them to erase, with its key as stored and as used. */
async function keysWithOneToErase(pool: pg.Pool) {
  const keys = createKeyStore({
    vault: postgresKeyVault(pool),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const subjects = Array.from({ length: 50 }, () => randomUUID());
  for (const subjectId of subjects) await keys.getOrCreate(subjectId);
  const [erased, kept] = [subjects[7]!, subjects[8]!];
  const stored = async (subjectId: string): Promise<Buffer> =>
    (await pool.query("SELECT wrapped FROM subject_keys WHERE subject_id = $1", [subjectId]))
      .rows[0].wrapped;
  const dataKey = (await keys.get(erased))!.key.export();
  return {
    keys,
    erased,
    kept,
    wrapped: await stored(erased),
    keptWrapped: await stored(kept),
    dataKey,
  };
}

/** The files of the data directory that hold the erased key, stored (binary or as text) or unwrapped. */
function filesHoldingKey(wrapped: Buffer, dataKey: Buffer): string[] {
  const holding = dataDirectoryHolding(server.dataDir, { ...keyNeedles(wrapped), dataKey });
  return [...new Set(Object.values(holding).flat())].sort();
}

/** Sets a server setting for everyone (empty: back to its default) and waits until sessions see it. */
async function setSetting(pool: pg.Pool, name: string, value: string): Promise<void> {
  const current = async () =>
    (await pool.query("SELECT current_setting($1) AS value", [name])).rows[0].value as string;
  const before = await current();
  await pool.query(value ? `ALTER SYSTEM SET ${name} = '${value}'` : `ALTER SYSTEM RESET ${name}`);
  await pool.query("SELECT pg_reload_conf()");
  while ((await current()) === before) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.skipIf(OWN_SERVER_UNAVAILABLE)(
  "an erased key in the data directory (a server of this file's own)",
  () => {
    test("given values written across WAL page boundaries, the scan finds every one of them in pg_wal", async () => {
      // Given forty 1 KB values, committed one by one: several cross an 8 KB WAL page, so
      // the page's header lies in their middle, as it once did for a wrapped key
      const pool = poolOn(await freshDatabaseUrl(server.url));
      await pool.query("CREATE TABLE blobs (value bytea NOT NULL)");
      const values = Array.from({ length: 40 }, () => randomBytes(1024));
      for (const value of values) await pool.query("INSERT INTO blobs VALUES ($1)", [value]);

      // When a copy of the data directory is scanned for them
      const holding = dataDirectoryHolding(
        server.dataDir,
        Object.fromEntries(values.map((value, i) => [`value${i}`, value])),
      );

      // Then every value is found in the WAL: none escapes the scan by being split
      for (const files of Object.values(holding)) {
        expect(files.some((file) => file.startsWith("pg_wal/"))).toBe(true);
      }
    });

    test("given an erasure not yet flushed, the WAL alone holds the key; once the slot holding the WAL lets go, the flush leaves it in no file", async () => {
      // Given keys on disk, and a replication slot keeping every WAL segment from now on
      const url = await freshDatabaseUrl(server.url);
      const pool = poolOn(url);
      const { keys, erased, wrapped, keptWrapped, dataKey } = await keysWithOneToErase(pool);
      const held = await holdWal(url);
      let released = false;
      try {
        // When the key is erased but the WAL not yet flushed
        await keys.deleteMany([erased], { flush: "later" });

        // Then the heap is clean but pg_wal holds it: the scan can find what it looks for
        const before = filesHoldingKey(wrapped, dataKey);
        expect(before.length).toBeGreaterThan(0);
        expect(before.every((file) => file.startsWith("pg_wal/"))).toBe(true);

        // And while the slot holds the WAL the flush does not report the erasure complete
        await expect(keys.flushErased()).rejects.toThrow(`replication slot ${held.slot}`);
        await held.release();
        released = true;

        // When it flushes again, no file of the data directory holds the key; the kept key is still read
        await keys.flushErased();
        expect(filesHoldingKey(wrapped, dataKey)).toEqual([]);
        expect(dataDirectoryHolding(server.dataDir, { keptWrapped }).keptWrapped).not.toEqual([]);
      } finally {
        if (!released) await held.release();
      }
    });

    test.each([
      ["wal_recycle", "on", "set wal_recycle = off"],
      ["wal_keep_size", "1GB", "set wal_keep_size = 0"],
      ["log_statement", "all", "set log_parameter_max_length = 0"],
      ["log_min_duration_statement", "250ms", "set log_parameter_max_length = 0"],
    ])(
      "given %s = %s, the flush does not report the erasure complete and says to %s; reset, it does",
      async (name, value, remedy) => {
        // Given a server setting that keeps WAL segments, or writes keys to the server log
        const pool = poolOn(await freshDatabaseUrl(server.url));
        const { keys, erased, wrapped, dataKey } = await keysWithOneToErase(pool);
        await setSetting(pool, name, value);
        try {
          // When a key is erased, then the flush names the setting
          await keys.deleteMany([erased], { flush: "later" });
          await expect(keys.flushErased()).rejects.toThrow(remedy);
        } finally {
          await setSetting(pool, name, "");
        }

        // And with the setting back to its default, the flush completes
        await keys.flushErased();
        expect(filesHoldingKey(wrapped, dataKey)).toEqual([]);
      },
    );

    test("a role without the grants gets each named; with exactly those grants it completes the erasure", async () => {
      // Given a role that owns its database but has no other rights
      const role = `keeper_${randomUUID().replaceAll("-", "")}`;
      const superuser = poolOn(server.url);
      await superuser.query(`CREATE ROLE ${role} LOGIN PASSWORD 'keeper'`);
      await superuser.query(`CREATE DATABASE ${role} OWNER ${role}`);
      const url = new URL(server.url);
      url.pathname = `/${role}`;
      // Function grants belong to one database: the operator gives them in the service's own.
      const admin = poolOn(url.toString());
      [url.username, url.password] = [role, "keeper"];
      const pool = poolOn(url.toString());
      const vault = postgresKeyVault(pool);
      const { keys, erased, wrapped, dataKey } = await keysWithOneToErase(pool);
      const grants = [
        `GRANT pg_monitor TO ${role}`,
        `GRANT EXECUTE ON FUNCTION pg_switch_wal() TO ${role}`,
        `GRANT pg_checkpoint TO ${role}`,
      ];

      // When it erases, then the start-up check and the flush name every grant it lacks
      await keys.deleteMany([erased], { flush: "later" });
      const problems = (await vault.erasureProblems()).join("\n");
      for (const grant of grants) expect(problems).toContain(grant);
      await expect(keys.flushErased()).rejects.toThrow(grants[0]);

      // And once the operator grants exactly those, nothing is missing and the flush completes
      for (const grant of grants) await admin.query(grant);
      expect(await vault.erasureProblems()).toEqual([]);
      await keys.flushErased();
      expect(filesHoldingKey(wrapped, dataKey)).toEqual([]);
    });

    test("at start-up the service logs what keeps an erasure from completing, settings only, and nothing once fixed", async () => {
      // Given the service's database on a server with wal_recycle on
      const url = await freshDatabaseUrl(server.url);
      const pool = poolOn(url);
      const config = loadConfig({
        NODE_ENV: "test",
        DATA_DIR: tmpdir(),
        STORE: "postgres",
        DATABASE_URL: url,
      });
      const warnings = async () => {
        const { logger, lines } = capturedLogs({ logLevel: "info" });
        await (await openStorage(config, logger)).close();
        return lines.map((line) => JSON.parse(line)).filter((line) => line.level >= 40);
      };
      await setSetting(pool, "wal_recycle", "on");
      try {
        // When the service opens its storage, then it names the setting to change
        const [warning] = await warnings();
        expect(warning.msg).toContain("erased keys can outlive an erasure");
        expect(warning.problems).toEqual([expect.stringContaining("set wal_recycle = off")]);
      } finally {
        await setSetting(pool, "wal_recycle", "");
      }

      // And once the server is set up, it says nothing
      expect(await warnings()).toEqual([]);
    });
  },
);
