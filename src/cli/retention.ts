import pino from "pino";
import { domainCodec } from "../commands/eventCodec.js";
import { runRetention } from "../commands/retention/job.js";
import { loadConfig } from "../config.js";
import { createKeyStore } from "../privacy/keys/subjectKeys.js";
import { loadConfiguredMasterKey, openStorage } from "../storage.js";

// npm run retention: one run of the retention job against the configured store. The
// service runs the same job at start-up and on an interval; with the SQLite store, which
// one process owns, stop the service first (or rely on its schedule).
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: "warn" }, pino.destination(2));
  const master = loadConfiguredMasterKey(config);
  const storage = await openStorage(config, logger);
  try {
    const keyStore = createKeyStore({ vault: storage.vault, masterKey: master.masterKey });
    const summary = await runRetention({
      store: storage.store,
      codec: domainCodec(keyStore),
      keyStore,
    });
    // Counts and pseudonymous ids only: the summary holds no personal data.
    console.log(JSON.stringify(summary));
    if (summary.failures.length > 0 || !summary.erasureComplete) process.exitCode = 1;
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
});
