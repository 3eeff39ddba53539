// Entry point of `npm run bench [suite...]`: runs the named suites (all when none are named)
// and prints one JSON line per figure, for machines to compare.
import type { Figure } from "./figure.js";

const suites: Record<string, () => Promise<{ run(): AsyncIterable<Figure> }>> = {
  store: () => import("./store.js"),
  projections: () => import("./projections.js"),
  api: () => import("./api.js"),
  cluster: () => import("./cluster.js"),
  integrity: () => import("./integrity.js"),
  contention: () => import("./contention.js"),
  erasure: () => import("./erasure.js"),
  identity: () => import("./identity.js"),
  notifications: () => import("./notifications.js"),
  tracing: () => import("./tracing.js"),
  longcase: () => import("./longCase.js"),
  scale: () => import("./scale.js"),
  shelves: () => import("./shelves.js"),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(
    `unknown suite(s): ${unknown.join(", ")}; known: ${Object.keys(suites).join(", ")}`,
  );
  process.exit(2);
}

for (const name of requested.length > 0 ? requested : Object.keys(suites)) {
  const suite = await suites[name]!();
  for await (const figure of suite.run()) console.log(JSON.stringify(figure));
}
