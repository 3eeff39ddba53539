// PostgreSQL's part of the storage (store, read models, keys), in a module of its own: storage.ts
// loads it only when PostgreSQL is configured, so the driver costs no other store its start.
// Its answers are typed where storage.ts uses them (Storage), so this module needs none of it.
import pg from "pg";
import { postgresIdentityIndex } from "./privacy/keys/postgres/identityIndex.js";
import { postgresIdentityLock } from "./privacy/keys/postgres/identityLock.js";
import { postgresKeyVault } from "./privacy/keys/postgres/keyVault.js";
import { postgresModelTables } from "./projections/shelved/postgresModelTables.js";
import { openPostgresEventStore } from "./store/postgres/index.js";

/** The keys, the blind indexes and intake's locks on these pools. */
const postgresKeys = (pool: pg.Pool, locks: pg.Pool) => ({
  vault: postgresKeyVault(pool),
  identityIndex: postgresIdentityIndex(pool),
  identityLock: postgresIdentityLock(locks),
});

/** Connections that only hold intake's advisory locks, so holders never starve their own work. */
function lockPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 16, application_name: "casustafel-intake" });
  pool.on("error", () => {});
  return pool;
}

/** A key database of its own at a PostgreSQL URL (KEYSTORE_URL). */
export function postgresKeyDatabase(location: string) {
  const pool = new pg.Pool({
    connectionString: location,
    max: 5,
    application_name: "casustafel-keys",
  });
  pool.on("error", () => {});
  const locks = lockPool(location);
  return {
    ...postgresKeys(pool, locks),
    close: async () => void (await Promise.all([pool.end(), locks.end()])),
  };
}

/** The store and its read models in the database at `databaseUrl`. */
export async function openPostgresStore(databaseUrl: string) {
  const store = await openPostgresEventStore(databaseUrl);
  return { store, modelTables: await postgresModelTables(store.pool) };
}

/** The keys beside the events, in the store's own database: a backup of one holds both. */
export function withKeysBeside(
  { store, modelTables }: Awaited<ReturnType<typeof openPostgresStore>>,
  databaseUrl: string,
) {
  const locks = lockPool(databaseUrl);
  return {
    store,
    modelTables,
    ...postgresKeys(store.pool, locks),
    close: async () => void (await Promise.all([store.close(), locks.end()])),
  };
}
