import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Cell, ModelTables } from "../../../src/projections/shelved/modelTables.js";
import { postgresModelTables } from "../../../src/projections/shelved/postgresModelTables.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import { freshDatabaseUrl } from "../../support/postgres.js";

const COLUMNS = ["position", "n", "label", "amount"];
type Stored = { position: string; n: string; label: string | null; amount: string | null };

// Two "processes": pools of their own on one database, as two service processes would have.
let pools: pg.Pool[] = [];
let processes: ModelTables[] = [];
let shelfCount = 0;

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
  processes = await Promise.all(pools.map((pool) => postgresModelTables(pool)));
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

/** A fresh model with its live, empty shelf and table. */
async function freshShelf() {
  const model = `commit-${++shelfCount}`;
  const table = `commit_test_${shelfCount}_g1`;
  const tables = processes[0]!;
  const { generation } = await tables.liveShelf(model, 1);
  await tables.define([
    `CREATE TABLE IF NOT EXISTS ${table} (position bigint NOT NULL, n bigint NOT NULL,
       label text COLLATE "C", amount bigint, PRIMARY KEY (position, n))`,
  ]);
  const stored = async () =>
    (
      await pools[0]!.query<Stored>(
        `SELECT position, n, label, amount FROM ${table} ORDER BY position, n`,
      )
    ).rows;
  const checkpoint = async () =>
    (await tables.shelves(model)).find((shelf) => shelf.generation === generation)!.position;
  return { model, table, generation, stored, checkpoint };
}

/** What PostgreSQL holds for a text cell bound as a parameter: NUL and lone surrogates as U+FFFD. */
const asStored = (text: string) =>
  Buffer.from(text.replaceAll("\0", "\uFFFD"), "utf8").toString("utf8");

const hostileText = fc.oneof(
  fc.constantFrom(...BUILTIN_NAMES, "", "\0", "\uD800", "\uDFFF", '"}]', "\\u0000", "null"),
  fc.string({ unit: "binary" }),
  fc.string(),
);

describe("a shelved model's commit on PostgreSQL, in one statement", () => {
  test("given rows with hostile text and 64-bit numbers, when committed, then they are stored as bound parameters would be and the checkpoint moves", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            label: fc.option(hostileText),
            amount: fc.option(
              fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
            ),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        async (cells) => {
          // Given a fresh shelf
          const shelf = await freshShelf();
          const rows: Cell[][] = cells.map(({ label, amount }, i) => [
            BigInt(i + 1),
            0,
            label,
            amount,
          ]);

          // When the rows are committed
          await processes[0]!.commit(
            shelf.model,
            shelf.generation,
            [{ table: shelf.table, columns: COLUMNS, rows }],
            BigInt(rows.length),
          );

          // Then each is stored as a bound parameter would have stored it
          expect(await shelf.stored()).toEqual(
            cells.map(({ label, amount }, i) => ({
              position: String(i + 1),
              n: "0",
              label: label === null ? null : asStored(label),
              amount: amount === null ? null : String(amount),
            })),
          );
          expect(await shelf.checkpoint()).toBe(BigInt(rows.length));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  test("given stretches of events that overlap, when two processes commit them to one shelf at once, then no commit fails on a stored row, every stored row belongs to a stretch, and the furthest stretch's rows past the others are there", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 2,
          maxLength: 8,
        }),
        async (stretches) => {
          // Given a fresh shelf and stretches of events [from, from + length], each with two rows
          const shelf = await freshShelf();
          const rowsOf = (from: number, to: number) =>
            Array.from({ length: to - from + 1 }, (_, i) =>
              [0, 1].map((n) => [BigInt(from + i), n, `e${from + i}`, n]),
            ).flat() as Cell[][];

          // When the two processes commit them at once, alternating
          await Promise.all(
            stretches.map(([from, length], i) =>
              processes[i % 2]!.commit(
                shelf.model,
                shelf.generation,
                [{ table: shelf.table, columns: COLUMNS, rows: rowsOf(from, from + length) }],
                BigInt(from + length),
              ),
            ),
          );

          // Then every stored position lies in a stretch and has both its rows (a row stored
          // twice would have failed its commit on the primary key)
          const stored = await shelf.stored();
          const positions = new Map<number, number>();
          for (const { position } of stored) {
            positions.set(Number(position), (positions.get(Number(position)) ?? 0) + 1);
          }
          for (const [position, rows] of positions) {
            expect(rows, `rows of ${position}`).toBe(2);
            expect(
              stretches.some(([from, length]) => from <= position && position <= from + length),
            ).toBe(true);
          }
          // and the checkpoint is the furthest end, with every row past the other stretches' ends
          const ends = stretches.map(([from, length]) => from + length);
          const furthest = Math.max(...ends);
          expect(await shelf.checkpoint()).toBe(BigInt(furthest));
          const others = Math.max(0, ...ends.filter((end) => end < furthest));
          const firsts = stretches.filter(([from, length]) => from + length === furthest);
          const surely = Math.max(others + 1, ...firsts.map(([from]) => from));
          for (let position = surely; position <= furthest; position++) {
            expect(positions.get(position), `rows of ${position}`).toBe(2);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  test("given a shelf committed through 5, when stretches ending at 3 and at 7 are committed, then only the rows after 5 are added, once", async () => {
    // Given a shelf committed through 5
    const shelf = await freshShelf();
    const rows = (from: number, to: number): Cell[][] =>
      Array.from({ length: to - from + 1 }, (_, i) => [BigInt(from + i), 0, "x", null]);
    const commit = (from: number, to: number) =>
      processes[1]!.commit(
        shelf.model,
        shelf.generation,
        [{ table: shelf.table, columns: COLUMNS, rows: rows(from, to) }],
        BigInt(to),
      );
    await commit(1, 5);

    // When rows through 3, and then 1 to 7, are committed again
    await commit(2, 3);
    await commit(1, 7);

    // Then only 6 and 7 were added, once
    expect((await shelf.stored()).map(({ position }) => Number(position))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(await shelf.checkpoint()).toBe(7n);
  });
});
