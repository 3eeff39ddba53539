import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import type { EventStore } from "./eventStore.js";
import { createIntegrityWatch, type IntegrityWatch } from "./integrityWatch.js";

/**
 * The integrity watch, reported to the operator: the gauge follows the number of broken
 * streams, and each newly broken stream gets one error line with its id, the revision and the
 * kind of break, never an event's content.
 */
export function reportedIntegrityWatch(
  store: EventStore,
  sweepIntervalMs: number,
  logger: Logger,
  metrics: Metrics,
): IntegrityWatch {
  const watch: IntegrityWatch = createIntegrityWatch({
    store,
    sweepIntervalMs,
    onBroken: ({ streamId, revision, reason }) => {
      metrics.integrityBrokenStreams.set(watch.brokenStreams);
      logger.error(
        { streamId, revision, reason },
        "hash chain broken: a stored event was changed, removed or written around the store",
      );
    },
    onRestored: (streamId) => {
      metrics.integrityBrokenStreams.set(watch.brokenStreams);
      logger.warn({ streamId }, "hash chain verifies whole again");
    },
    onError: (error) => logger.warn({ err: error }, "integrity check could not read the store"),
  });
  return watch;
}

/** What `/ready` says of the chains: degraded while any is broken, never unready. */
export function integrityReadiness(watch: IntegrityWatch) {
  const brokenStreams = watch.brokenStreams;
  const state = brokenStreams > 0 ? "broken" : watch.swept ? "intact" : "unverified";
  return { degraded: brokenStreams > 0, checks: { integrity: state, brokenStreams } };
}
