import BetterSqlite3 from "better-sqlite3";
import { type Database, SHARED_BUSY_MS } from "../../store/sqlite/database.js";
import { START } from "../../store/types.js";
import {
  type Cell,
  CHECKPOINTS,
  type Dialect,
  type ModelTables,
  missingShelf,
  type Shelf,
} from "./modelTables.js";

const ROWS_PER_INSERT = 100;

// Rowid tables: a row here is 0.7–1.7 KB of JSON, and a WITHOUT ROWID table keeps only about
// 1 KB of a row in its B-tree (a 4 KB page), spilling the rest to an overflow page of its own.
export const SQLITE_DIALECT: Dialect = {
  name: "sqlite",
  text: "TEXT",
  int: "INTEGER",
  tableSuffix: " STRICT",
};

type Statement = BetterSqlite3.Statement<Cell[]>;

/** Rows whose position lies after `after`: the ones a commit still has to add. Rows come in position order. */
function rowsAfter(rows: readonly (readonly Cell[])[], after: bigint) {
  let first = 0;
  while (first < rows.length && BigInt(rows[first]![0] as bigint | number) <= after) first++;
  return first === 0 ? rows : rows.slice(first);
}

/** Statements prepared once per connection; forget drops them when tables were dropped. */
function statementCache(db: Database) {
  const statements = new Map<string, Statement>();
  return {
    prepared(sql: string): Statement {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = db.prepare<Cell[]>(sql);
      statements.set(sql, statement);
      return statement;
    },
    // Dropped statements would keep the dropped tables' schema alive in the cache.
    forget: () => statements.clear(),
  };
}

const selectOn =
  (prepared: (sql: string) => Statement) =>
  async <T>(sql: string, params: readonly Cell[]) =>
    prepared(sql).all(...(params as Cell[])) as T[];

/**
 * The model tables' queries on a read-only connection of their own: the service's thread asks
 * the file directly while the worker writes, in WAL mode, so a query never waits behind the
 * commits queued in the worker. A query sees what is committed, and a model's checkpoint moves
 * only after its commit, so Min-Position still holds.
 */
export function sqliteModelReader(path: string): Pick<ModelTables, "select"> & { close(): void } {
  const db = new BetterSqlite3(path, { readonly: true, timeout: SHARED_BUSY_MS });
  const { prepared } = statementCache(db);
  return { select: selectOn(prepared), close: () => db.close() };
}

type ShelfRow = { generation: number; version: number; position: number | bigint; live: number };

/**
 * Model tables in an SQLite database, on the connection given: the service's is the read-model
 * file's, in its worker thread (offThreadModelTables.ts). Every call runs to the end
 * synchronously, so none interleaves with another on the same connection. Model commits skip
 * the fsync (synchronous=NORMAL): a commit lost to power loss loses its checkpoint with it, and
 * the model resumes from the one before.
 */
export function sqliteModelTables(db: Database): ModelTables {
  db.exec(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (
    model TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL,
    position INTEGER NOT NULL, live INTEGER NOT NULL, PRIMARY KEY (model, generation)) STRICT`);
  const { prepared, forget } = statementCache(db);
  const positionOf = (model: string, generation: number) => {
    const stored = prepared(
      `SELECT position FROM ${CHECKPOINTS} WHERE model = ? AND generation = ?`,
    ).get(model, generation) as { position: number } | undefined;
    if (stored === undefined) throw missingShelf(model, generation);
    return BigInt(stored.position);
  };
  // Rows go in a hundred to a statement: one call per row would cost more than the insert.
  const insertRows = (
    table: string,
    columns: readonly string[],
    rows: readonly (readonly Cell[])[],
  ) => {
    const row = `(${columns.map(() => "?").join(", ")})`;
    const sql = (count: number) =>
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array(count).fill(row).join(", ")}`;
    let start = 0;
    for (; start + ROWS_PER_INSERT <= rows.length; start += ROWS_PER_INSERT) {
      prepared(sql(ROWS_PER_INSERT)).run(...rows.slice(start, start + ROWS_PER_INSERT).flat());
    }
    if (start < rows.length) prepared(sql(rows.length - start)).run(...rows.slice(start).flat());
  };
  const add = (model: string, version: number, live: boolean) => {
    const { next } = prepared(
      `SELECT coalesce(max(generation), 0) + 1 AS next FROM ${CHECKPOINTS} WHERE model = ?`,
    ).get(model) as { next: number };
    prepared(`INSERT INTO ${CHECKPOINTS} VALUES (?, ?, ?, 0, ?)`).run(
      model,
      next,
      version,
      Number(live),
    );
    return next;
  };
  // A commit skips the fsync (above) and keeps its statement journal in memory: the rows of a
  // burst of reads dirty a few hundred pages of the indexes, whose journal past 64 KiB SQLite
  // would write to a temporary file that nothing reads. Index builds (define) still sort in
  // temporary files, not in memory.
  const quietly = <T>(work: () => T): T => {
    const synchronous = db.pragma("synchronous", { simple: true });
    const tempStore = db.pragma("temp_store", { simple: true });
    db.pragma("synchronous = NORMAL");
    db.pragma("temp_store = MEMORY");
    try {
      return db.transaction(work)();
    } finally {
      db.pragma(`synchronous = ${Number(synchronous)}`);
      db.pragma(`temp_store = ${Number(tempStore)}`);
    }
  };

  return {
    dialect: SQLITE_DIALECT,
    async define(ddl) {
      db.transaction(() => {
        for (const statement of ddl) db.exec(statement);
      })();
    },
    async shelves(model) {
      const rows = prepared(
        `SELECT generation, version, position, live FROM ${CHECKPOINTS} WHERE model = ? ORDER BY generation`,
      ).all(model) as ShelfRow[];
      return rows.map(
        (row): Shelf => ({ ...row, position: BigInt(row.position), live: row.live === 1 }),
      );
    },
    async liveShelf(model, version) {
      return db.transaction((): Shelf => {
        const live = prepared(
          `SELECT generation, version, position, live FROM ${CHECKPOINTS} WHERE model = ? AND live = 1`,
        ).get(model) as ShelfRow | undefined;
        if (live) return { ...live, position: BigInt(live.position), live: true };
        return { generation: add(model, version, true), version, position: START, live: true };
      })();
    },
    async addShelf(model, version) {
      return db.transaction(() => add(model, version, false))();
    },
    async commit(model, generation, tables, through) {
      quietly(() => {
        const stored = positionOf(model, generation);
        if (stored >= through) return;
        for (const { table, columns, rows } of tables)
          insertRows(table, columns, rowsAfter(rows, stored));
        prepared(`UPDATE ${CHECKPOINTS} SET position = ? WHERE model = ? AND generation = ?`).run(
          through,
          model,
          generation,
        );
      });
    },
    async swap(model, generation, dropTables) {
      // Model tables hold ids, codes and sealed values only: zeroing every freed page of a
      // dropped copy (secure_delete, there for the keys) would cost more than the rebuild.
      db.pragma("secure_delete = OFF");
      try {
        db.transaction(() => {
          for (const table of dropTables) db.exec(`DROP TABLE IF EXISTS ${table}`);
          prepared(`DELETE FROM ${CHECKPOINTS} WHERE model = ? AND generation <> ?`).run(
            model,
            generation,
          );
          prepared(`UPDATE ${CHECKPOINTS} SET live = 1 WHERE model = ? AND generation = ?`).run(
            model,
            generation,
          );
        })();
      } finally {
        db.pragma("secure_delete = ON");
      }
      forget();
    },
    select: selectOn(prepared),
  };
}
