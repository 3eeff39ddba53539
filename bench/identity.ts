// Identity index lookups (issue 11): the cost of asking "do we know this young person?" at
// intake, with 1,000 and with 100,000 young people indexed in one covenant.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Identity, matchKeysOf } from "../src/domain/index.js";
import { type BlindIndex, createBlindIndexer } from "../src/privacy/identity/blindIndex.js";
import type { IdentityIndex } from "../src/privacy/identity/identityIndex.js";
import type { KeyVault } from "../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../src/privacy/keys/masterKey.js";
import { postgresIdentityIndex } from "../src/privacy/keys/postgres/identityIndex.js";
import { postgresKeyVault } from "../src/privacy/keys/postgres/keyVault.js";
import { createKeySchema } from "../src/privacy/keys/postgres/schema.js";
import { sqliteIdentityIndex } from "../src/privacy/keys/sqlite/identityIndex.js";
import { sqliteKeyVault } from "../src/privacy/keys/sqlite/keyVault.js";
import { openSqliteDatabase } from "../src/store/sqlite/index.js";
import { type Figure, median, quantile, round } from "./figure.js";
import { benchDatabase } from "./support/postgres.js";

const SIZES = [1_000, 100_000];
const LOOKUPS = 5_000;
const ERASURES = 5;
const WRITES = 500;
const indexer = createBlindIndexer(masterKeyFrom(randomBytes(32)));
const COVENANT = randomUUID();

type Entry = [subjectId: string, index: BlindIndex];
type Adapter = {
  name: string;
  open(): Promise<{
    index: IdentityIndex;
    vault: KeyVault;
    fill(entries: Entry[]): Promise<void>;
    dispose(): Promise<void>;
  }>;
};

const letters = (n: number) =>
  [...n.toString(26)].map((digit) => "abcdefghijklmnopqrstuvwxyz"[Number.parseInt(digit, 26)]);
const person = (n: number): Identity => ({
  givenNames: `Daan${letters(n).join("")}`,
  surname: `Jansen${letters(n * 7).join("")}`,
  dateOfBirth: new Date(Date.UTC(2006, 0, 2 + (n % 4000))).toISOString().slice(0, 10),
});
const indexesOf = (n: number) => indexer.indexesOf(COVENANT, matchKeysOf(person(n)));

const adapters: Adapter[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "casustafel-bench-identity-"));
      const db = openSqliteDatabase(join(dir, "keys.db"));
      const index = sqliteIdentityIndex(db);
      const insert = db.prepare("INSERT OR IGNORE INTO subject_identity_index VALUES (?, ?, ?, ?)");
      const fillAll = db.transaction((entries: Entry[]) => {
        for (const [subjectId, { kind, value }] of entries)
          insert.run(COVENANT, kind, value, subjectId);
      });
      return {
        index,
        vault: sqliteKeyVault(db),
        fill: async (entries) => fillAll(entries),
        async dispose() {
          db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    async open() {
      const database = await benchDatabase();
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      await createKeySchema(pool);
      return {
        index: postgresIdentityIndex(pool),
        vault: postgresKeyVault(pool),
        async fill(entries) {
          for (let start = 0; start < entries.length; start += 10_000) {
            const chunk = entries.slice(start, start + 10_000);
            await pool.query(
              `INSERT INTO subject_identity_index SELECT $1, kind, value, subject_id
               FROM unnest($2::text[], $3::bytea[], $4::text[]) AS entry(kind, value, subject_id)
               ON CONFLICT DO NOTHING`,
              [
                COVENANT,
                chunk.map(([, index]) => index.kind),
                chunk.map(([, index]) => index.value),
                chunk.map(([subjectId]) => subjectId),
              ],
            );
          }
          await pool.query("ANALYZE subject_identity_index");
        },
        async dispose() {
          await pool.end();
          await database.dispose();
        },
      };
    },
  },
];

/** Latencies (µs) of looking up known and unknown young people by all three keys, as intake does. */
async function lookups(index: IdentityIndex, size: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const asked = indexesOf(i % 2 === 0 ? Math.floor(Math.random() * size) : size + i);
    const started = performance.now();
    await index.find(COVENANT, asked);
    latencies.push((performance.now() - started) * 1000);
  }
  return latencies.sort((a, b) => a - b);
}

/** Latencies (µs) of indexing a young person new to the covenant (add) and re-indexing one (replace). */
async function writes(
  index: IdentityIndex,
  size: number,
  write: "add" | "replace",
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const indexes = indexesOf(size * 2 + i);
    const started = performance.now();
    await index[write](COVENANT, randomUUID(), indexes);
    latencies.push((performance.now() - started) * 1000);
  }
  return latencies.sort((a, b) => a - b);
}

/** Milliseconds to erase one subject's key with its index entries, the median of a few. */
async function erasure(vault: KeyVault, subjectIds: string[]): Promise<number> {
  const took: number[] = [];
  for (const subjectId of subjectIds.slice(0, ERASURES)) {
    const started = performance.now();
    await vault.erase([subjectId]);
    took.push(performance.now() - started);
  }
  return median(took);
}

async function* measure(adapter: Adapter): AsyncIterable<Figure> {
  for (const size of SIZES) {
    const { index, vault, fill, dispose } = await adapter.open();
    try {
      const entries: Entry[] = [];
      const subjectIds: string[] = [];
      for (let n = 0; n < size; n++) {
        const subjectId = randomUUID();
        subjectIds.push(subjectId);
        for (const entry of indexesOf(n)) entries.push([subjectId, entry]);
      }
      await fill(entries);
      await lookups(index, size);
      const latencies = await lookups(index, size);
      const name = `identity.${adapter.name}.find_${size}`;
      yield { name: `${name}_p50`, value: round(quantile(latencies, 0.5)), unit: "µs" };
      yield { name: `${name}_p99`, value: round(quantile(latencies, 0.99)), unit: "µs" };
      for (const write of ["add", "replace"] as const) {
        const took = await writes(index, size, write);
        yield {
          name: `identity.${adapter.name}.${write}_${size}_p50`,
          value: round(quantile(took, 0.5)),
          unit: "µs",
        };
      }
      const erase = await erasure(vault, subjectIds);
      yield { name: `identity.${adapter.name}.erase_${size}`, value: round(erase, 1), unit: "ms" };
    } finally {
      await dispose();
    }
  }
}

/** The blind indexes of one identity (three HMACs and the normalisation), in µs. */
function blindIndexCost(): Figure {
  const started = performance.now();
  for (let n = 0; n < 20_000; n++) indexesOf(n);
  return {
    name: "identity.blind_indexes",
    value: round(((performance.now() - started) * 1000) / 20_000, 1),
    unit: "µs",
  };
}

export async function* run(): AsyncIterable<Figure> {
  yield blindIndexCost();
  const only = process.env.BENCH_ADAPTERS?.split(",");
  for (const adapter of adapters) {
    if (!only || only.includes(adapter.name)) yield* measure(adapter);
  }
}
