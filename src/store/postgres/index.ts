import pg from "pg";
import { PostgresEventStore } from "./eventStore.js";
import { createSchema } from "./schema.js";

export { PostgresEventStore } from "./eventStore.js";

export interface PostgresStoreOptions {
  /** Most connections the pool opens; default 10. */
  maxConnections?: number;
  /** How often a subscription polls when no NOTIFY arrives; default 500 ms. */
  pollIntervalMs?: number;
}

/** Connects to PostgreSQL at `url`, creates the event tables if missing and returns the store. */
export async function openPostgresEventStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresEventStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: "casustafel",
  });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    await createSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresEventStore(pool, { pollIntervalMs: options.pollIntervalMs });
}
