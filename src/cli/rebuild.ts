import { openAccessLog } from "../projections/accessLog/accessLog.js";
import { openProcessingLog } from "../projections/processingLog/processingLog.js";
import { createProjector } from "../projections/projector.js";
import type { ReadModel } from "../projections/readModel.js";
import type { ModelTables } from "../projections/shelved/modelTables.js";
import { runAgainstStore } from "./storeCommand.js";

// npm run rebuild -- <model>: rebuilds a shelved read model blue-green against the configured
// store: a new copy is filled from the first event beside the live one, then takes its place.
// With the SQLite store, which one process owns, stop the service first; a running service
// rebuilds a model on its own when the model's version changes.
const shelved: Record<string, (tables: ModelTables, publicUrl: string) => Promise<ReadModel>> = {
  accessLog: (tables) => openAccessLog(tables),
  processingLog: (tables, publicUrl) => openProcessingLog(tables, publicUrl),
};

const name = process.argv[2] ?? "";
const open = Object.hasOwn(shelved, name) ? shelved[name] : undefined;
if (!open) {
  console.error(`usage: npm run rebuild -- <model>; models: ${Object.keys(shelved).join(", ")}`);
  process.exitCode = 2;
} else {
  runAgainstStore(async ({ config, storage, keyStore, codec }) => {
    const model = await open(storage.modelTables, config.publicUrl);
    const projector = createProjector({ store: storage.store, codec, keyStore, models: [model] });
    await projector.start();
    const started = performance.now();
    await projector.rebuild(name);
    const seconds = (performance.now() - started) / 1000;
    await projector.stop();
    const events = Number(projector.position);
    // Counts and a name only: nothing personal.
    console.log(
      JSON.stringify({ model: name, events, seconds, eventsPerSecond: events / seconds }),
    );
  });
}
