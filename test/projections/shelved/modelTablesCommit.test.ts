import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import type { Cell, ModelTables } from "../../../src/projections/shelved/modelTables.js";
import { postgresModelTables } from "../../../src/projections/shelved/postgresModelTables.js";
import { sqliteModelTables } from "../../../src/projections/shelved/sqliteModelTables.js";
import { openSqliteDatabase } from "../../../src/store/sqlite/database.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { scratchModelTables } from "./scratchTables.js";

const closers: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const close of closers.splice(0)) await close();
});

const adapters: [string, () => Promise<ModelTables>][] = [
  [
    "SQLite",
    async () => {
      const { tables, close } = scratchModelTables();
      closers.push(close);
      return tables;
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const pool = new pg.Pool({ connectionString: await freshDatabaseUrl() });
      closers.push(() => pool.end());
      return postgresModelTables(pool);
    },
  ],
];

const COLUMNS = ["position", "n", "label"];
const rowsThrough = (last: number): Cell[][] =>
  Array.from({ length: last }, (_, i) => [BigInt(i + 1), 0, `row ${i + 1}`]);

/** A model's live copy with two tables of its own. */
async function twoTables(tables: ModelTables, model: string) {
  const { generation } = await tables.liveShelf(model, 1);
  const names = [`${model}_first_g${generation}`, `${model}_second_g${generation}`];
  await tables.define(
    names.map(
      (name) =>
        `CREATE TABLE IF NOT EXISTS ${name} (position ${tables.dialect.int} NOT NULL,
           n ${tables.dialect.int} NOT NULL, label ${tables.dialect.text}, PRIMARY KEY (position, n))`,
    ),
  );
  const labels = (name: string) =>
    tables.select<{ label: string }>(`SELECT label FROM ${name} ORDER BY position, n`, []);
  return { generation, names, labels };
}

describe.each(adapters)("a shelved model's commit on %s", (_name, open) => {
  test("given a copy with two tables, when one commit adds rows to both, then each table holds its own rows", async () => {
    // Given a copy with two tables
    const tables = await open();
    const { generation, names, labels } = await twoTables(tables, "pair");

    // When one commit adds three rows to the first and one to the second
    await tables.commit(
      "pair",
      generation,
      [
        { table: names[0]!, columns: COLUMNS, rows: rowsThrough(3) },
        { table: names[1]!, columns: COLUMNS, rows: [[3n, 0, "second"]] },
      ],
      3n,
    );

    // Then each table holds its own rows, and the checkpoint moved
    expect(await labels(names[0]!)).toEqual([
      { label: "row 1" },
      { label: "row 2" },
      { label: "row 3" },
    ]);
    expect(await labels(names[1]!)).toEqual([{ label: "second" }]);
    expect((await tables.shelves("pair"))[0]!.position).toBe(3n);
  });

  test("given a copy whose checkpoint a swap removed, when rows are committed to it, then the commit fails, naming the model, and adds nothing", async () => {
    // Given a model whose live copy is generation 1 and a rebuilt copy, generation 2, that a
    // swap back to generation 1 dropped from the checkpoints (its table left behind)
    const tables = await open();
    const { generation, names, labels } = await twoTables(tables, "gone");
    const rebuilt = await tables.addShelf("gone", 2);
    await tables.swap("gone", generation, []);

    // When rows are committed to the dropped copy
    const committed = tables.commit(
      "gone",
      rebuilt,
      [{ table: names[0]!, columns: COLUMNS, rows: rowsThrough(2) }],
      2n,
    );

    // Then the commit fails and the table holds nothing
    await expect(committed).rejects.toThrow(/read model gone has no copy 2/);
    expect(await labels(names[0]!)).toEqual([]);
  });
});

test("given a number that is not finite, when it is committed on PostgreSQL, then the commit fails naming the column instead of storing a null", async () => {
  // Given a copy of a model on PostgreSQL
  const tables = await adapters[1]![1]();
  const { generation, names, labels } = await twoTables(tables, "infinite");

  // When a row holds NaN in a text column
  const committed = tables.commit(
    "infinite",
    generation,
    [{ table: names[0]!, columns: COLUMNS, rows: [[1n, 0, Number.NaN]] }],
    1n,
  );

  // Then the commit fails, naming the column, and nothing is stored
  await expect(committed).rejects.toThrow(/model column label/);
  expect(await labels(names[0]!)).toEqual([]);
});

test("given the read-model file's connection, when a commit has run, then it is as before: fsync on and sorts (index builds) in temporary files, not in memory", async () => {
  // Given the read-model file's connection, as its worker opens it
  const db = openSqliteDatabase(
    join(mkdtempSync(join(tmpdir(), "model-commit-")), "models.sqlite"),
    {
      shared: true,
    },
  );
  closers.push(() => {
    db.close();
  });
  const tables = sqliteModelTables(db);
  const pragma = (name: string) => db.pragma(name, { simple: true });
  const before = { synchronous: pragma("synchronous"), temp_store: pragma("temp_store") };
  const { generation, names, labels } = await twoTables(tables, "settings");

  // When a commit has run
  await tables.commit(
    "settings",
    generation,
    [{ table: names[0]!, columns: COLUMNS, rows: rowsThrough(500) }],
    500n,
  );

  // Then its rows are there and the connection's settings are what they were
  expect(await labels(names[0]!)).toHaveLength(500);
  expect({ synchronous: pragma("synchronous"), temp_store: pragma("temp_store") }).toEqual(before);
  expect(before).toEqual({ synchronous: 2, temp_store: 0 });
});
