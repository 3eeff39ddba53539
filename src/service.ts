import type { Logger } from "pino";
import { createApp, type HttpApi } from "./api/app.js";
import { allRoutes } from "./api/routes.js";
import { type RunningServer, startServer } from "./api/server.js";
import type { Config } from "./config.js";
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

/** The whole service: system opened, read models caught up, optional demo seed, HTTP listening. */
export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const system = await openSystem(config, logger, options);
  try {
    await system.catchUp();
    if (options.seedDemo) await seedDemoCovenantIfEmpty(system);
    const api = await createApp({
      config,
      logger,
      metrics: system.metrics,
      routes: allRoutes(system.resources),
      idempotency: system.idempotency,
      waitForPosition: system.waitForPosition,
      readiness: system.readiness,
    });
    const server = await startServer(api, {
      port: config.http.port,
      host: config.http.host,
      logger,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      resources: [{ name: "system", close: () => system.close() }],
    });
    return { system, api, server, url: server.url, close: () => server.close() };
  } catch (error) {
    await system.close();
    throw error;
  }
}
