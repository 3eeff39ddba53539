import { existsSync } from "node:fs";
import type { Logger } from "pino";
import { devKeyPaths, loadOrCreateDevKeyPair } from "./api/http/auth/devKeys.js";
import type { IdempotencySecrets } from "./api/http/concurrency/idempotency.js";
import type { WaitForPosition } from "./api/http/concurrency/minPosition.js";
import type { ReadinessCheck } from "./api/operations/routes.js";
import type { ReadModels, ResourceDeps } from "./api/resources.js";
import { domainCodec } from "./commands/eventCodec.js";
import { NoticeFeed } from "./commands/notifications/noticeFeed.js";
import type { Config } from "./config.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { createTracing, type Tracing } from "./observability/tracing.js";
import { storeAccessRecorder } from "./privacy/accessRecords.js";
import { createBlindIndexer } from "./privacy/identity/blindIndex.js";
import type { KeyStore } from "./privacy/keys/keyStore.js";
import { createKeyStore } from "./privacy/keys/subjectKeys.js";
import type { NoticeLookup } from "./privacy/policy/notifications.js";
import { openAccessLog } from "./projections/accessLog/accessLog.js";
import { createAgreementsDue } from "./projections/agreementsDue/agreementsDue.js";
import { createCaseList } from "./projections/caseList/caseList.js";
import { createCaseView } from "./projections/caseView/caseView.js";
import { createDisclosureRegister } from "./projections/disclosureRegister/disclosureRegister.js";
import { createPersons } from "./projections/persons/persons.js";
import { createPossibleMatches } from "./projections/possibleMatches/possibleMatches.js";
import { openProcessingLog } from "./projections/processingLog/processingLog.js";
import { createProjector, type Projector } from "./projections/projector.js";
import { createSessions } from "./projections/sessions/sessions.js";
import type { ModelTables } from "./projections/shelved/modelTables.js";
import { createSubjectIndex } from "./projections/subjectReport/subjectIndex.js";
import { storeSubjectRecords } from "./projections/subjectReport/subjectRecords.js";
import { createThemes } from "./projections/themes/themes.js";
import { createTrends } from "./projections/trends/trends.js";
import { createWebhooks } from "./projections/webhooks/webhooks.js";
import { createWorklistIndex } from "./projections/worklist/worklistIndex.js";
import { loadConfiguredMasterKey, openStorage } from "./storage.js";
import type { EventStore } from "./store/eventStore.js";
import { instrumentEventStore } from "./store/instrumentedEventStore.js";
import { integrityReadiness, reportedIntegrityWatch } from "./store/integrityReports.js";
import type { IntegrityWatch } from "./store/integrityWatch.js";
import { traceEventStore } from "./store/tracedEventStore.js";

/** Everything the service runs on, wired once; main.ts, the demo and the tests open it the same way. */
export interface System {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** Request traces; undefined when OTEL_SDK_DISABLED=true. */
  tracing?: Tracing;
  store: EventStore;
  resources: ResourceDeps;
  projector: Projector;
  idempotency: IdempotencySecrets;
  waitForPosition: WaitForPosition;
  readiness: ReadinessCheck;
  /** Checks each live event as the projector passes it; sweeps every chain once started. */
  integrity: IntegrityWatch;
  /** Brings the read models up to the store's head; resolves once they are there. */
  catchUp(): Promise<void>;
  /** Stops the integrity watch and the projector, then closes the stores. Safe to call twice. */
  close(): Promise<void>;
}

/** Events a ready process may be behind the store: about a second of writes at full load. */
export const READY_LAG_LIMIT = 1_000n;

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

/** The purposes the Idempotency-Key secrets are derived for. */
const IDEMPOTENCY_FINGERPRINT = "casustafel idempotency fingerprint v1";
const IDEMPOTENT_IDS = "casustafel idempotent ids v1";
const WEBHOOK_SIGNING = "casustafel webhook signing secrets v1";

/**
 * The projector's fold of a case, so a case command reads only the events since. Not once its
 * young person's key is gone: the fold may still hold what was decrypted before the erasure
 * reached the projector, and the stream read whole decodes as "[erased]".
 */
async function caseSnapshot(models: ReadModels, keyStore: KeyStore, caseId: string) {
  const state = models.caseView.stateOf(caseId);
  if (!state) return undefined;
  const snapshot = { state, revision: models.caseView.revisionOf(caseId) };
  if (state.subjectId !== null && !(await keyStore.get(state.subjectId))) return undefined;
  return snapshot;
}

/** The notification rules ask the case view and the sessions, as an organisation working on cases would. */
function noticeLookup(models: ReadModels, now: () => string): NoticeLookup {
  const reader = (organisationId: string) => ({
    userId: "notifications",
    organisationId,
    roles: ["professional" as const, "chair" as const],
  });
  return {
    stateOf: (caseId) => models.caseView.stateOf(caseId),
    visibility: (caseId, organisationId) =>
      models.caseView.query(caseId, reader(organisationId), now()),
    plannedWith: (sessionId) => models.sessions.plannedWith(sessionId),
    seesSession: (sessionId, organisationId) =>
      models.sessions.query(sessionId, reader(organisationId)).kind === "session",
  };
}

/** Every read model; caseView first, since the list and the agreements answer through it. */
async function createReadModels(config: Config, tables: ModelTables): Promise<ReadModels> {
  const caseView = createCaseView();
  return {
    caseView,
    caseList: createCaseList(caseView),
    agreementsDue: createAgreementsDue(caseView),
    disclosureRegister: createDisclosureRegister(),
    accessLog: await openAccessLog(tables),
    processingLog: await openProcessingLog(tables, config.publicUrl),
    subjectIndex: createSubjectIndex(),
    persons: createPersons(),
    trends: createTrends(),
    possibleMatches: createPossibleMatches(),
    sessions: createSessions(caseView),
    worklistIndex: createWorklistIndex(),
    webhooks: createWebhooks(),
    themes: createThemes(),
  };
}

export async function openSystem(
  config: Config,
  logger: Logger,
  options: SystemOptions = {},
): Promise<System> {
  const metrics = options.metrics ?? createMetrics();
  const now = options.now ?? (() => new Date().toISOString());
  const master = loadConfiguredMasterKey(config);
  if (master.created) {
    logger.warn(
      { path: master.path },
      "DEVELOPMENT ONLY: created a master key file under DATA_DIR",
    );
  }
  await announceDevelopmentKeys(config, logger);

  const storage = await openStorage(config, logger);
  const tracing = createTracing(config.tracing);
  const instrumented = instrumentEventStore(storage.store, metrics);
  const store = tracing ? traceEventStore(instrumented) : instrumented;
  const keyStore = createKeyStore({ vault: storage.vault, masterKey: master.masterKey });
  const codec = domainCodec(keyStore);

  const integrity = reportedIntegrityWatch(
    store,
    config.integritySweepIntervalSeconds * 1000,
    logger,
    metrics,
  );
  const readModels = await createReadModels(config, storage.modelTables);
  const projector = createProjector({
    store,
    codec,
    keyStore,
    models: Object.values(readModels),
    onLiveEvent: (event) => integrity.check(event),
  });
  const waitForPosition: WaitForPosition = (position, timeoutMs) =>
    projector.waitFor(position, timeoutMs);

  const resources: ResourceDeps = {
    store,
    commands: {
      store,
      codec,
      keyStore,
      caseSnapshot: (caseId) => caseSnapshot(readModels, keyStore, caseId),
    },
    codec,
    keyStore,
    identity: {
      index: storage.identityIndex,
      indexer: createBlindIndexer(master.masterKey),
      lock: storage.identityLock,
    },
    readModels,
    accessRecorder: storeAccessRecorder(store),
    subjectRecords: storeSubjectRecords(store, codec),
    waitForPosition,
    consoleUrl: config.console.url,
    now,
    logger,
    notifications: {
      signingKey: master.masterKey.derive(WEBHOOK_SIGNING),
      allowedUrls: config.webhooks.allowedUrls,
      feed: new NoticeFeed(),
      lookup: noticeLookup(readModels, now),
    },
  };

  // Lag is head minus applied position; sampled, since the projector itself keeps no metrics.
  const lagSampler = setInterval(() => {
    store.headPosition().then(
      (head) =>
        metrics.projectionLagEvents.set({ projection: "all" }, Number(head - projector.position)),
      () => {},
    );
  }, 5_000);
  lagSampler.unref();

  let closing: Promise<void> | undefined;
  return {
    config,
    logger,
    metrics,
    tracing,
    store,
    resources,
    idempotency: {
      fingerprints: master.masterKey.derive(IDEMPOTENCY_FINGERPRINT),
      ids: master.masterKey.derive(IDEMPOTENT_IDS),
    },
    waitForPosition,
    projector,
    readiness: async () => {
      const head = await store.headPosition();
      const lag = head - projector.position;
      // Under steady writes the projector is always a few events behind, and Min-Position covers
      // read-your-writes; only a failed or far-behind projector takes a process out of rotation.
      const ready = projector.failure === null && lag <= READY_LAG_LIMIT;
      const chains = integrityReadiness(integrity);
      return {
        ready,
        degraded: chains.degraded,
        checks: {
          head: head.toString(),
          projected: projector.position.toString(),
          lag: Number(lag),
          ...chains.checks,
        },
      };
    },
    integrity,
    catchUp: () => projector.start(),
    close: () => {
      closing ??= (async () => {
        clearInterval(lagSampler);
        try {
          await integrity.stop();
          await projector.stop();
        } finally {
          await storage.close();
          await tracing?.shutdown();
        }
      })();
      return closing;
    },
  };
}
