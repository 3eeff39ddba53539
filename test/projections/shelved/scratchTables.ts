import BetterSqlite3 from "better-sqlite3";
import type { ModelTables } from "../../../src/projections/shelved/modelTables.js";
import type { ShelfSpec } from "../../../src/projections/shelved/shelvedModel.js";
import { sqliteModelTables } from "../../../src/projections/shelved/sqliteModelTables.js";

/** Model tables in an SQLite database of their own in memory, for a model fed by hand. */
export function scratchModelTables(): { tables: ModelTables; close(): void } {
  const db = new BetterSqlite3(":memory:");
  return { tables: sqliteModelTables(db), close: () => db.close() };
}

/** A model with one row per event: its type. */
export const TYPES: ShelfSpec = {
  name: "types",
  version: 1,
  stem: "types",
  columns: ["type"],
  table: (table, { text, int, tableSuffix }) =>
    `CREATE TABLE IF NOT EXISTS ${table} (position ${int} NOT NULL, n ${int} NOT NULL,
       type ${text} NOT NULL, PRIMARY KEY (position, n))${tableSuffix}`,
  indexes: () => [],
  fold: () => ({ rowsOf: (event) => [[event.type]] }),
};
