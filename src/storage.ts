import { join } from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { IdentityIndex } from "./privacy/identity/identityIndex.js";
import type { KeyVault } from "./privacy/keys/keyStore.js";
import { loadMasterKey } from "./privacy/keys/masterKey.js";
import { postgresIdentityIndex } from "./privacy/keys/postgres/identityIndex.js";
import { postgresKeyVault } from "./privacy/keys/postgres/keyVault.js";
import { sqliteIdentityIndex } from "./privacy/keys/sqlite/identityIndex.js";
import { sqliteKeyVault } from "./privacy/keys/sqlite/keyVault.js";
import type { EventStore } from "./store/eventStore.js";
import { openEventStoreDbEventStore } from "./store/eventstoredb/index.js";
import { openPostgresEventStore } from "./store/postgres/index.js";
import { openSqliteDatabase, SqliteEventStore } from "./store/sqlite/index.js";

/** The event store and the vault of wrapped data keys, with what closes them, in order. */
export interface Storage {
  store: EventStore;
  vault: KeyVault;
  /** The blind indexes young people are found by, beside the keys they are erased with. */
  identityIndex: IdentityIndex;
  /** Closes the store, then a key database of its own if it has one. */
  close(): Promise<void>;
}

/** The master key that wraps the vault's data keys, from the configuration (or a development file). */
export function loadConfiguredMasterKey(config: Config): ReturnType<typeof loadMasterKey> {
  return loadMasterKey({
    environment: config.env,
    masterKey: config.keys.masterKey,
    masterKeyFile: config.keys.masterKeyFile,
    developmentKeyPath: join(config.dataDir, "master.key"),
  });
}

const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//i.test(value);

/** A key store of its own: a PostgreSQL URL or an SQLite file path (KEYSTORE_URL). */
function separateVault(location: string): Omit<Storage, "store"> {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({
      connectionString: location,
      max: 5,
      application_name: "casustafel-keys",
    });
    pool.on("error", () => {});
    return {
      vault: postgresKeyVault(pool),
      identityIndex: postgresIdentityIndex(pool),
      close: () => pool.end(),
    };
  }
  const db = openSqliteDatabase(location);
  return {
    vault: sqliteKeyVault(db),
    identityIndex: sqliteIdentityIndex(db),
    close: async () => void db.close(),
  };
}

/**
 * Opens the configured store and says at start-up what keeps the key database from completing
 * an erasure (settings and grants only). Keys live in the events' own database by default, so a
 * backup of one holds both; EventStoreDB has no tables of ours, so its keys go to KEYSTORE_URL
 * (default: an SQLite file under DATA_DIR).
 */
export async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  const storage = await openConfigured(config, logger);
  const problems = await storage.vault
    .erasureProblems()
    .catch((error: unknown) => [`the check itself failed (${(error as Error).name})`]);
  if (problems.length > 0) {
    logger.warn(
      { problems },
      "erased keys can outlive an erasure in the key database's files until these are fixed (README: Privacy, erasure and backups)",
    );
  }
  return storage;
}

async function openConfigured(config: Config, logger: Logger): Promise<Storage> {
  const keyStoreUrl = config.keys.keyStoreUrl;
  switch (config.store.kind) {
    case "sqlite": {
      const db = openSqliteDatabase(config.store.sqlitePath);
      const store = new SqliteEventStore(db, { ownsDatabase: true });
      if (keyStoreUrl) return withSeparateVault(store, keyStoreUrl);
      const keys = { vault: sqliteKeyVault(db), identityIndex: sqliteIdentityIndex(db) };
      return { store, ...keys, close: () => store.close() };
    }
    case "postgres": {
      const store = await openPostgresEventStore(config.store.databaseUrl!);
      if (keyStoreUrl) return withSeparateVault(store, keyStoreUrl);
      const keys = {
        vault: postgresKeyVault(store.pool),
        identityIndex: postgresIdentityIndex(store.pool),
      };
      return { store, ...keys, close: () => store.close() };
    }
    case "eventstoredb": {
      const store = openEventStoreDbEventStore(config.store.eventStoreDbUrl!);
      const location = keyStoreUrl ?? join(config.dataDir, "keys.sqlite");
      if (!keyStoreUrl)
        logger.warn("KEYSTORE_URL unset: data keys are kept in an SQLite file under DATA_DIR");
      return withSeparateVault(store, location);
    }
  }
}

async function withSeparateVault(store: EventStore, location: string): Promise<Storage> {
  let keys: ReturnType<typeof separateVault>;
  try {
    keys = separateVault(location);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    vault: keys.vault,
    identityIndex: keys.identityIndex,
    close: async () => {
      try {
        await store.close();
      } finally {
        await keys.close();
      }
    },
  };
}
