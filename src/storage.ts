import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { IdentityIndex } from "./privacy/identity/identityIndex.js";
import { type IdentityLock, inProcessIdentityLock } from "./privacy/identity/identityLock.js";
import type { KeyVault } from "./privacy/keys/keyStore.js";
import { loadMasterKey } from "./privacy/keys/masterKey.js";
import { sqliteIdentityIndex } from "./privacy/keys/sqlite/identityIndex.js";
import { sqliteKeyVault } from "./privacy/keys/sqlite/keyVault.js";
import type { ModelTables } from "./projections/shelved/modelTables.js";
import {
  type OffThreadModelTables,
  offThreadModelTables,
  readModelsPath,
} from "./projections/shelved/offThreadModelTables.js";
import type { EventStore } from "./store/eventStore.js";
import { openSqliteDatabase, SqliteEventStore } from "./store/sqlite/index.js";

/** The event store and the vault of wrapped data keys, with what closes them, in order. */
export interface Storage {
  store: EventStore;
  /**
   * Where the shelved read models live: PostgreSQL's beside the events in its database; an
   * SQLite store's in a file of its own beside the store file, kept by a worker thread
   * (EventStoreDB: such a file under DATA_DIR).
   */
  modelTables: ModelTables;
  vault: KeyVault;
  /** The blind indexes young people are matched on, beside the keys they are erased with. */
  identityIndex: IdentityIndex;
  /** Serialises intake per young person: across processes where they share PostgreSQL. */
  identityLock: IdentityLock;
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
type KeyDatabase = Omit<Storage, "store" | "modelTables">;

async function separateVault(location: string): Promise<KeyDatabase> {
  if (isPostgresUrl(location)) {
    const { postgresKeyDatabase } = await import("./postgresStorage.js");
    return postgresKeyDatabase(location);
  }
  const db = openSqliteDatabase(location);
  return { ...sqliteKeys(db), close: async () => void db.close() };
}

const sqliteKeys = (db: ReturnType<typeof openSqliteDatabase>) => ({
  vault: sqliteKeyVault(db),
  identityIndex: sqliteIdentityIndex(db),
  identityLock: inProcessIdentityLock(),
});

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
      const path = config.store.sqlitePath;
      const db = openSqliteDatabase(path);
      const store = new SqliteEventStore(db, { ownsDatabase: true });
      const models = await modelsBeside(store, readModelsPath(path));
      return closingModels(models, async () =>
        keyStoreUrl
          ? withSeparateVault(store, models, keyStoreUrl)
          : { store, modelTables: models, ...sqliteKeys(db), close: () => store.close() },
      );
    }
    case "postgres": {
      // Loaded only here, as EventStoreDB's client below: the driver costs any other store's start.
      const postgres = await import("./postgresStorage.js");
      const opened = await postgres.openPostgresStore(config.store.databaseUrl!);
      if (keyStoreUrl) return withSeparateVault(opened.store, opened.modelTables, keyStoreUrl);
      return postgres.withKeysBeside(opened, config.store.databaseUrl!);
    }
    case "eventstoredb": {
      // Loaded only here: its gRPC client costs a start on the other stores about 0.3 s.
      const { openEventStoreDbEventStore } = await import("./store/eventstoredb/index.js");
      const store = openEventStoreDbEventStore(config.store.eventStoreDbUrl!);
      const location = keyStoreUrl ?? join(config.dataDir, "keys.sqlite");
      if (!keyStoreUrl)
        logger.warn("KEYSTORE_URL unset: data keys are kept in an SQLite file under DATA_DIR");
      const models = await modelsBeside(store, join(config.dataDir, "read-models.sqlite"));
      return closingModels(models, () => withSeparateVault(store, models, location));
    }
  }
}

/** Opens the read-model file's worker; the store is closed again when it cannot open. */
async function modelsBeside(store: EventStore, path: string): Promise<OffThreadModelTables> {
  try {
    return await offThreadModelTables(path);
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The storage `open` builds on the read-model file's worker, which closes last, or at once when `open` fails. */
async function closingModels(
  models: OffThreadModelTables,
  open: () => Promise<Storage>,
): Promise<Storage> {
  let storage: Storage;
  try {
    storage = await open();
  } catch (error) {
    await models.close();
    throw error;
  }
  return { ...storage, close: () => storage.close().finally(() => models.close()) };
}

async function withSeparateVault(
  store: EventStore,
  modelTables: ModelTables,
  location: string,
): Promise<Storage> {
  let keys: KeyDatabase;
  try {
    keys = await separateVault(location);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    ...keys,
    store,
    modelTables,
    close: async () => {
      try {
        await store.close();
      } finally {
        await keys.close();
      }
    },
  };
}
