// What erasure costs on PostgreSQL: the key table's rewrite, and the WAL flush that removes
// every segment that held the key, alone and for a retention run's batch.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import type { KeyStore } from "../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../src/privacy/keys/postgres/keyVault.js";
import { createKeyStore } from "../src/privacy/keys/subjectKeys.js";
import { type Figure, median, round } from "./figure.js";
import { benchDatabase } from "./support/postgres.js";

const KEYS = Number(process.env.BENCH_ERASURE_KEYS ?? 10_000);
const REPEATS = Number(process.env.BENCH_ERASURE_REPEATS ?? 10);
const BATCH = Number(process.env.BENCH_ERASURE_BATCH ?? 20);

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function walPosition(pool: pg.Pool): Promise<bigint> {
  const { rows } = await pool.query("SELECT pg_current_wal_insert_lsn() - '0/0' AS bytes");
  return BigInt(rows[0].bytes);
}

/** A key store with KEYS subjects; `take()` hands out one of them to erase. */
async function populated(pool: pg.Pool): Promise<{ keys: KeyStore; take(): string }> {
  const keys = createKeyStore({
    vault: postgresKeyVault(pool),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const subjects = Array.from({ length: KEYS }, () => randomUUID());
  for (let start = 0; start < KEYS; start += 100) {
    await Promise.all(subjects.slice(start, start + 100).map((id) => keys.getOrCreate(id)));
  }
  return { keys, take: () => subjects.pop()! };
}

export async function* run(): AsyncIterable<Figure> {
  const database = await benchDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const { keys, take } = await populated(pool);
    await keys.flushErased();
    const rewrite: number[] = [];
    const flush: number[] = [];
    const walSkipped: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      rewrite.push(await timed(() => keys.deleteMany([take()], { flush: "later" })));
      const before = await walPosition(pool);
      flush.push(await timed(() => keys.flushErased()));
      walSkipped.push(Number((await walPosition(pool)) - before) / 2 ** 20);
    }
    const idle = await timed(() => keys.flushErased());
    const eachFlushed = await timed(async () => {
      for (let i = 0; i < BATCH; i++) await keys.delete(take());
    });
    const batchFlushed = await timed(async () => {
      for (let i = 0; i < BATCH; i++) await keys.deleteMany([take()], { flush: "later" });
      await keys.flushErased();
    });
    yield { name: "erasure.postgres.keys", value: KEYS, unit: "count" };
    yield { name: "erasure.postgres.rewrite", value: round(median(rewrite), 1), unit: "ms" };
    yield { name: "erasure.postgres.flush", value: round(median(flush), 1), unit: "ms" };
    yield { name: "erasure.postgres.flush_wal", value: round(median(walSkipped), 1), unit: "MB" };
    yield { name: "erasure.postgres.flush_nothing_new", value: round(idle, 1), unit: "ms" };
    yield {
      name: `erasure.postgres.batch${BATCH}_flush_each`,
      value: round(eachFlushed),
      unit: "ms",
    };
    yield {
      name: `erasure.postgres.batch${BATCH}_flush_once`,
      value: round(batchFlushed),
      unit: "ms",
    };
  } finally {
    await pool.end();
    await database.dispose();
  }
}
