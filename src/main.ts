import { createLogger } from "./api/observability/logger.js";
import { closeOnSignals } from "./api/server.js";
import { loadConfig } from "./config.js";
import { startService } from "./service.js";

/** The composition root: config -> system -> projections caught up -> demo seed -> HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const service = await startService(config, logger, { seedDemo: config.env !== "production" });
  closeOnSignals(service.server, logger);
  logger.info({ url: service.url, store: config.store.kind }, "casustafel listening");
}

main().catch((error: unknown) => {
  // Only the type and message of a start-up failure: configuration errors name variables, not values.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "start-up failed";
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
