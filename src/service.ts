import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { createApp, type HttpApi } from "./api/app.js";
import { consoleRoutes } from "./api/console/consoleRoutes.js";
import { allRoutes } from "./api/routes.js";
import { type RunningServer, startServer } from "./api/server.js";
import { startRetentionSchedule } from "./commands/retention/schedule.js";
import type { Config } from "./config.js";
import { DEMO_COVENANT_ID, demoDirectory } from "./demo/organisations.js";
import { seedDemoCovenantIfEmpty } from "./demo/seed.js";
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

export interface ServiceOptions extends SystemOptions {
  /** Create the demo covenant when the store is empty (development `npm start`). */
  seedDemo?: boolean;
}

const consoleDist = fileURLToPath(new URL("../web/dist", import.meta.url));

/** The console, with the demo covenant and its sign-in page where the demo is seeded. */
function consoleFor(config: Config, options: ServiceOptions) {
  const demo = options.seedDemo === true;
  return consoleRoutes({
    config,
    distDir: consoleDist,
    defaultCovenantId: demo ? DEMO_COVENANT_ID : undefined,
    devOrganisations: demo ? demoDirectory() : undefined,
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

/** The whole service: system opened, read models caught up, optional demo seed, retention, HTTP. */
export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const system = await openSystem(config, logger, options);
  let stopRetention: (() => Promise<void>) | undefined;
  try {
    await system.catchUp();
    system.integrity.start();
    if (options.seedDemo) await seedDemoCovenantIfEmpty(system);
    stopRetention = scheduleRetention(system);
    const api = await createApp({
      config,
      logger,
      metrics: system.metrics,
      routes: allRoutes(system.resources),
      idempotency: system.idempotency,
      waitForPosition: system.waitForPosition,
      readiness: system.readiness,
      console: consoleFor(config, options),
    });
    const server = await startServer(api, {
      port: config.http.port,
      host: config.http.host,
      logger,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      resources: [
        { name: "retention", close: () => stopRetention?.() },
        { name: "system", close: () => system.close() },
      ],
    });
    return { system, api, server, url: server.url, close: () => server.close() };
  } catch (error) {
    await stopRetention?.();
    await system.close();
    throw error;
  }
}
