import BetterSqlite3 from "better-sqlite3";
import type { ModelTables } from "../../../src/projections/shelved/modelTables.js";
import { sqliteModelTables } from "../../../src/projections/shelved/sqliteModelTables.js";

/** Model tables in an SQLite database of their own in memory, for a model fed by hand. */
export function scratchModelTables(): { tables: ModelTables; close(): void } {
  const db = new BetterSqlite3(":memory:");
  return { tables: sqliteModelTables(db), close: () => db.close() };
}
