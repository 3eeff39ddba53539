import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { consoleRoutes } from "./api/console/consoleRoutes.js";
import type { DevOrganisation } from "./api/console/devSignIn.js";
import { createApp, type HttpApi } from "./api/http/app.js";
import { type RunningServer, startServer } from "./api/http/server.js";
import { allRoutes } from "./api/routeTable.js";
import {
  type NotificationWorker,
  startNotificationWorker,
} from "./commands/notifications/worker.js";
import { startRetentionSchedule } from "./commands/retention/schedule.js";
import type { Config } from "./config.js";
import { otlpProcessingRecordExporter } from "./observability/ldvExport.js";
import { ProcessingLedger } from "./privacy/processing/ledger.js";
import { processingRecordsOf } from "./privacy/processing/processingRecord.js";
import { type ProcessingExport, startProcessingExport } from "./privacy/processingExportFeed.js";
import { openSystem, type System, type SystemOptions } from "./system.js";

export interface RunningService {
  system: System;
  api: HttpApi;
  server: RunningServer;
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** Drains HTTP, then closes the system (projector, store, key store). */
  close(): Promise<void>;
}

/** What development start-up wires in (the demo, from `main.ts`); production has none. */
export interface DevelopmentWiring {
  /** Fills an empty store with a covenant to try the service with. */
  seed(system: System): Promise<unknown>;
  /** The covenant the console works in when the configuration names none. */
  covenantId: string;
  /** Offered by the development sign-in page. */
  organisations: readonly DevOrganisation[];
}

export interface ServiceOptions extends SystemOptions {
  development?: DevelopmentWiring;
}

const consoleDist = fileURLToPath(new URL("../web/dist", import.meta.url));

/** The console, with the development covenant and its sign-in page where they are wired in. */
function consoleFor(config: Config, development: DevelopmentWiring | undefined) {
  return consoleRoutes({
    config,
    distDir: consoleDist,
    defaultCovenantId: development?.covenantId,
    devOrganisations: development?.organisations,
  });
}

/** Retention runs at start and on the configured interval; its log holds counts only. */
function scheduleRetention(system: System): () => Promise<void> {
  const { config, logger, resources } = system;
  return startRetentionSchedule(resources.commands, {
    intervalMs: config.retentionIntervalMinutes * 60_000,
    now: resources.now,
    onRun: (summary) => {
      const { runId, subjectsErased, casesErased, subjectsHeld, failures } = summary;
      const counts = {
        runId,
        subjectsErased,
        casesErased,
        subjectsHeld,
        failures: failures.length,
      };
      if (subjectsErased > 0 || failures.length > 0) logger.info(counts, "retention applied");
      if (!summary.erasureComplete) {
        logger.error(
          { runId, reason: summary.incompleteBecause },
          "erasure incomplete: erased keys may remain in the key database's files",
        );
      }
    },
    onError: (error) => logger.error({ err: error }, "retention run failed"),
  });
}

/** The webhook outbox's worker; its log lines carry ids and counts only. */
function startNotifications(system: System): Promise<NotificationWorker> {
  const { config, logger, resources } = system;
  const { notifications, readModels } = resources;
  return startNotificationWorker({
    store: system.store,
    ledger: readModels.webhooks,
    lookup: notifications.lookup,
    waitForPosition: system.waitForPosition,
    signingKey: notifications.signingKey,
    settings: { ...config.webhooks, pollMs: Math.min(config.webhooks.retryBaseMs, 1_000) },
    now: resources.now,
    logger,
    onNotice: (notice, event) => notifications.feed.publish(notice, event.position),
  });
}

/** The processing records to the logbook at LDV_OTLP_ENDPOINT, from now on; none when unset. */
async function startLdvExport(system: System): Promise<ProcessingExport | undefined> {
  const { tracing } = system.config;
  if (!tracing.processingRecordsEndpoint) return undefined;
  const ledger = new ProcessingLedger(system.config.publicUrl);
  return startProcessingExport({
    store: system.store,
    exporter: otlpProcessingRecordExporter({
      endpoint: tracing.processingRecordsEndpoint,
      serviceName: tracing.serviceName,
    }),
    observe: (event) => ledger.observe(event),
    recordsOf: (event) => processingRecordsOf(event, ledger),
    logger: system.logger,
  });
}

/** The whole service: system opened, read models caught up, development seed, retention, HTTP. */
export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const system = await openSystem(config, logger, options);
  let stopRetention: (() => Promise<void>) | undefined;
  let notifications: NotificationWorker | undefined;
  let ldvExport: ProcessingExport | undefined;
  try {
    await system.catchUp();
    system.integrity.start();
    await options.development?.seed(system);
    stopRetention = scheduleRetention(system);
    notifications = await startNotifications(system);
    ldvExport = await startLdvExport(system);
    const api = await createApp({
      config,
      logger,
      metrics: system.metrics,
      tracing: system.tracing,
      routes: allRoutes(system.resources),
      idempotency: system.idempotency,
      waitForPosition: system.waitForPosition,
      readiness: system.readiness,
      console: consoleFor(config, options.development),
      onShutdown: () => system.resources.notifications.feed.close(),
    });
    const server = await startServer(api, {
      port: config.http.port,
      host: config.http.host,
      logger,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      resources: [
        { name: "retention", close: () => stopRetention?.() },
        { name: "notifications", close: () => notifications?.stop() },
        { name: "ldv export", close: () => ldvExport?.stop() },
        { name: "system", close: () => system.close() },
      ],
    });
    return { system, api, server, url: server.url, close: () => server.close() };
  } catch (error) {
    await stopRetention?.();
    await notifications?.stop();
    await ldvExport?.stop();
    await system.close();
    throw error;
  }
}
