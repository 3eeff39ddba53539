import { createApp } from "./api/app.js";
import { createLogger } from "./api/observability/logger.js";
import { allRoutes } from "./api/routes.js";
import { closeOnSignals, startServer } from "./api/server.js";
import { loadConfig } from "./config.js";
import { seedDemoCovenantIfEmpty } from "./demo/seed.js";
import { openSystem } from "./system.js";

/** The composition root: config -> system -> projections caught up -> demo seed -> HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const system = await openSystem(config, logger);
  try {
    await system.catchUp();
    if (config.env !== "production") await seedDemoCovenantIfEmpty(system);
    const api = await createApp({
      config,
      logger,
      metrics: system.metrics,
      routes: allRoutes(system.resources),
      idempotency: system.idempotency,
      waitForPosition: system.waitForPosition,
      readiness: system.readiness,
    });
    const running = await startServer(api, {
      port: config.http.port,
      host: config.http.host,
      logger,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      resources: [{ name: "system", close: () => system.close() }],
    });
    closeOnSignals(running, logger);
    logger.info({ url: running.url, store: config.store.kind }, "casustafel listening");
  } catch (error) {
    await system.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  // Only the type and message of a start-up failure: configuration errors name variables, not values.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "start-up failed";
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
