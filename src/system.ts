import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { devKeyPaths, loadOrCreateDevKeyPair } from "./api/auth/devKeys.js";
import { eventStoreIdempotency } from "./api/concurrency/eventStoreIdempotency.js";
import type { IdempotencyStore } from "./api/concurrency/idempotency.js";
import type { WaitForPosition } from "./api/concurrency/minPosition.js";
import { createMetrics, instrumentEventStore, type Metrics } from "./api/observability/metrics.js";
import type { ReadinessCheck } from "./api/operations/routes.js";
import type { ResourceDeps } from "./api/resources.js";
import { domainCodec } from "./commands/eventCodec.js";
import type { Config } from "./config.js";
import { loadMasterKey } from "./privacy/keys/masterKey.js";
import { createKeyStore } from "./privacy/keys/subjectKeys.js";
import { openStorage } from "./storage.js";
import type { EventStore } from "./store/eventStore.js";

/** Everything the service runs on, wired once; main.ts, the demo and the tests open it the same way. */
export interface System {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  store: EventStore;
  resources: ResourceDeps;
  idempotency: IdempotencyStore;
  waitForPosition: WaitForPosition;
  readiness: ReadinessCheck;
  /** Brings the read models up to the store's head; resolves once they are there. */
  catchUp(): Promise<void>;
  /** Stops the projector, then closes the store and the key store. Safe to call twice. */
  close(): Promise<void>;
}

export interface SystemOptions {
  metrics?: Metrics;
  /** The clock; tests and the demo replace it. */
  now?: () => string;
}

/** Development conveniences say so loudly, without any key material in the log. */
async function announceDevelopmentKeys(config: Config, logger: Logger): Promise<void> {
  if (config.env === "production" || config.jwt.jwksUrl || config.jwt.publicKeyFile) return;
  const existed = existsSync(devKeyPaths(config.dataDir).privateJwk);
  await loadOrCreateDevKeyPair(config.dataDir);
  logger.warn(
    { created: !existed, dir: devKeyPaths(config.dataDir).dir },
    "DEVELOPMENT ONLY: tokens are verified with the dev key pair; never use it in production",
  );
}

export async function openSystem(
  config: Config,
  logger: Logger,
  options: SystemOptions = {},
): Promise<System> {
  const metrics = options.metrics ?? createMetrics();
  const now = options.now ?? (() => new Date().toISOString());
  const master = loadMasterKey({
    environment: config.env,
    masterKey: config.keys.masterKey,
    masterKeyFile: config.keys.masterKeyFile,
    developmentKeyPath: join(config.dataDir, "master.key"),
  });
  if (master.created) {
    logger.warn(
      { path: master.path },
      "DEVELOPMENT ONLY: created a master key file under DATA_DIR",
    );
  }
  await announceDevelopmentKeys(config, logger);

  const storage = await openStorage(config, logger);
  const store = instrumentEventStore(storage.store, metrics);
  const keyStore = createKeyStore({ vault: storage.vault, masterKey: master.masterKey });
  const codec = domainCodec(keyStore);

  const waitForPosition: WaitForPosition = async (position, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    while ((await store.headPosition()) < position) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  };

  const resources: ResourceDeps = {
    store,
    commands: { store, codec, keyStore },
    codec,
    keyStore,
    readModels: {},
    recordAccess: async () => {},
    waitForPosition,
    now,
    logger,
  };

  let closing: Promise<void> | undefined;
  return {
    config,
    logger,
    metrics,
    store,
    resources,
    idempotency: eventStoreIdempotency(store),
    waitForPosition,
    readiness: async () => ({ ready: true, checks: { head: Number(await store.headPosition()) } }),
    catchUp: async () => {},
    close: () => {
      closing ??= storage.close();
      return closing;
    },
  };
}
