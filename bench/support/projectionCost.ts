import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { openSystem } from "../../src/system.js";

/**
 * CPU a process spends to project one stored event: a fresh system in this process rebuilds
 * every read model from the bench's store (paged catch-up, decoding included).
 */
export async function projectionMicrosPerEvent(
  environment: Record<string, string>,
): Promise<{ events: number; microsPerEvent: number }> {
  const config = loadConfig({ ...environment, LOG_LEVEL: "silent" });
  const system = await openSystem(config, createLogger(config), {
    metrics: createMetrics({ defaultMetrics: false }),
  });
  try {
    const events = Number(await system.store.headPosition());
    const started = process.cpuUsage();
    await system.catchUp();
    const spent = process.cpuUsage(started);
    return { events, microsPerEvent: (spent.user + spent.system) / events };
  } finally {
    await system.close();
  }
}
