import pino from "pino";
import { domainCodec } from "../commands/eventCodec.js";
import { type Config, loadConfig } from "../config.js";
import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import { createKeyStore } from "../privacy/keys/subjectKeys.js";
import { loadConfiguredMasterKey, openStorage, type Storage } from "../storage.js";

/** What a command against the configured store works with. */
export interface StoreCommandDeps {
  config: Config;
  storage: Storage;
  keyStore: KeyStore;
  codec: FieldCodec;
}

/**
 * Runs a command line's work against the configured store and its keys, closes them after,
 * and ends the process with 1 on a failure, printing only the error's name and message (the
 * store's errors name ids and fields, never what a field holds).
 */
export function runAgainstStore(work: (deps: StoreCommandDeps) => Promise<void>): void {
  const run = async () => {
    const config = loadConfig();
    const logger = pino({ level: "warn" }, pino.destination(2));
    const master = loadConfiguredMasterKey(config);
    const storage = await openStorage(config, logger);
    try {
      const keyStore = createKeyStore({ vault: storage.vault, masterKey: master.masterKey });
      await work({ config, storage, keyStore, codec: domainCodec(keyStore) });
    } finally {
      await storage.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  });
}
