import type pg from "pg";
import {
  type Cell,
  CHECKPOINTS,
  type ModelTables,
  missingShelf,
  type RowsToAdd,
} from "./modelTables.js";

/** Numbers the `?` placeholders of a statement written for both databases. */
export const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * PostgreSQL text holds no NUL, as its UTF-8 holds no lone surrogate (node-pg sends U+FFFD for
 * those): NUL goes the same way, for stored cells and query parameters alike, so a hostile id
 * is a 200 that finds nothing rather than a 500.
 */
const bind = (cell: Cell) => {
  if (typeof cell === "bigint") return cell.toString();
  return typeof cell === "string" && cell.includes("\0") ? cell.replaceAll("\0", "\uFFFD") : cell;
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A column json_populate_recordset finds by its JSON key: unquoted DDL names are lower case. */
const COLUMN = /^[a-z_][a-z0-9_]*$/;

/** A cell as it goes into the JSON: what bind would send, well formed, and never a silent null. */
function jsonCell(cell: Cell, column: string): Cell {
  const bound = bind(cell);
  if (typeof bound === "number" && !Number.isFinite(bound)) {
    throw new RangeError(`model column ${column}: a number that is not finite`);
  }
  // JSON would carry a lone surrogate as an escape PostgreSQL refuses; bound as text, it
  // arrives as U+FFFD.
  return typeof bound === "string" ? bound.replace(LONE_SURROGATE, "\uFFFD") : bound;
}

/** A table's rows as the JSON array json_populate_recordset reads, a member per column. */
function rowsAsJson({ columns, rows }: RowsToAdd): string {
  for (const column of columns) {
    if (!COLUMN.test(column)) throw new RangeError(`model column ${column}: not a lower-case name`);
  }
  return JSON.stringify(
    rows.map((row) => {
      const member: Record<string, Cell> = {};
      for (let c = 0; c < columns.length; c++) member[columns[c]!] = jsonCell(row[c]!, columns[c]!);
      return member;
    }),
  );
}

/** Advisory lock held while model tables are created or a shelf added (the store's are 727_001_00x). */
const DDL_LOCK = 727_001_010;

type ShelfRow = { generation: number; version: number; position: string; live: boolean };

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Model tables in the events' PostgreSQL database. Several service processes may feed the same
 * model: a commit locks the shelf's checkpoint row, so whichever process comes second adds only
 * the rows the first did not.
 */
export async function postgresModelTables(pool: pg.Pool): Promise<ModelTables> {
  await inTransaction(pool, async (client) => {
    // Two processes creating the same table at once would collide in the catalogue.
    await client.query("SELECT pg_advisory_xact_lock($1)", [DDL_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS} (
      model text NOT NULL, generation integer NOT NULL, version integer NOT NULL,
      position bigint NOT NULL, live boolean NOT NULL, PRIMARY KEY (model, generation))`);
  });
  return {
    dialect: { name: "postgres", text: 'text COLLATE "C"', int: "bigint", tableSuffix: "" },
    async define(ddl) {
      await inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [DDL_LOCK]);
        for (const statement of ddl) await client.query(statement);
      });
    },
    async shelves(model) {
      const { rows } = await pool.query<ShelfRow>(
        `SELECT generation, version, position, live FROM ${CHECKPOINTS} WHERE model = $1 ORDER BY generation`,
        [model],
      );
      return rows.map((row) => ({ ...row, position: BigInt(row.position) }));
    },
    async liveShelf(model, version) {
      return inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [DDL_LOCK]);
        const live = await client.query<ShelfRow>(
          `SELECT generation, version, position, live FROM ${CHECKPOINTS} WHERE model = $1 AND live`,
          [model],
        );
        const row =
          live.rows[0] ??
          (
            await client.query<ShelfRow>(
              `INSERT INTO ${CHECKPOINTS}
               SELECT $1, coalesce(max(generation), 0) + 1, $2, 0, true FROM ${CHECKPOINTS} WHERE model = $1
               RETURNING generation, version, position, live`,
              [model, version],
            )
          ).rows[0]!;
        return { ...row, position: BigInt(row.position) };
      });
    },
    async addShelf(model, version) {
      return inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [DDL_LOCK]);
        const { rows } = await client.query<{ next: number }>(
          `INSERT INTO ${CHECKPOINTS}
           SELECT $1, coalesce(max(generation), 0) + 1, $2, 0, false FROM ${CHECKPOINTS} WHERE model = $1
           RETURNING generation AS next`,
          [model, version],
        );
        return rows[0]!.next;
      });
    },
    async commit(model, generation, tables, through) {
      const added = tables.map(
        ({ table, columns }, i) =>
          `added${i} AS (INSERT INTO ${table} (${columns.join(", ")})
           SELECT ${columns.map((column) => `fresh.${column}`).join(", ")}
           FROM json_populate_recordset(NULL::${table}, $${i + 4}::json) AS fresh, stored
           WHERE fresh.position > stored.position)`,
      );
      // One statement, so one round trip: the checkpoint row locked, the rows after its stored
      // position added and the position moved, all atomic. A process that commits the same
      // shelf meanwhile holds the lock; this statement then sees the position it left and adds
      // only the rows it did not (READ COMMITTED re-reads a row locked FOR UPDATE once the
      // other transaction ends). The rows go as one JSON parameter typed by the table itself.
      const { rows } = await pool.query<{ found: number }>(
        `WITH stored AS (
           SELECT position FROM ${CHECKPOINTS} WHERE model = $1 AND generation = $2 FOR UPDATE
         )${added.map((cte) => `, ${cte}`).join("")}, moved AS (
           UPDATE ${CHECKPOINTS} AS checkpoint SET position = $3 FROM stored
           WHERE checkpoint.model = $1 AND checkpoint.generation = $2 AND stored.position < $3
         )
         SELECT count(*)::int AS found FROM stored`,
        [model, generation, through.toString(), ...tables.map(rowsAsJson)],
      );
      if (rows[0]!.found === 0) throw missingShelf(model, generation);
    },
    async swap(model, generation, dropTables) {
      await inTransaction(pool, async (client) => {
        for (const table of dropTables) await client.query(`DROP TABLE IF EXISTS ${table}`);
        await client.query(`DELETE FROM ${CHECKPOINTS} WHERE model = $1 AND generation <> $2`, [
          model,
          generation,
        ]);
        await client.query(
          `UPDATE ${CHECKPOINTS} SET live = true WHERE model = $1 AND generation = $2`,
          [model, generation],
        );
      });
    },
    async select<T>(sql: string, params: readonly Cell[]) {
      const { rows } = await pool.query(numbered(sql), params.map(bind));
      return rows as T[];
    },
  };
}
