import { runRetention } from "../commands/retention/job.js";
import { runAgainstStore } from "./storeCommand.js";

// npm run retention: one run of the retention job against the configured store. The
// service runs the same job at start-up and on an interval; with the SQLite store, which
// one process owns, stop the service first (or rely on its schedule).
runAgainstStore(async ({ storage, keyStore, codec }) => {
  const summary = await runRetention({ store: storage.store, codec, keyStore });
  // Counts and pseudonymous ids only: the summary holds no personal data.
  console.log(JSON.stringify(summary));
  if (summary.failures.length > 0 || !summary.erasureComplete) process.exitCode = 1;
});
