import { closeOnSignals } from "./api/http/server.js";
import { loadConfig } from "./config.js";
import { demoDevelopment } from "./demo/seed.js";
import { createLogger } from "./observability/logger.js";
import { startService } from "./service.js";

/** The composition root: config -> system -> projections caught up -> demo seed -> HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  // The demo covenant is a development convenience: production starts on an empty store.
  const development = config.env !== "production" ? demoDevelopment() : undefined;
  const service = await startService(config, logger, { development });
  closeOnSignals(service.server, logger);
  logger.info({ url: service.url, store: config.store.kind }, "casustafel listening");
}

main().catch((error: unknown) => {
  // Only the type and message of a start-up failure: configuration errors name variables, not values.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "start-up failed";
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
