import { Writable } from "node:stream";
import type { Logger } from "pino";
import type { Config } from "../../../src/config.js";
import { createLogger } from "../../../src/observability/logger.js";

/** The service's real logger writing into `lines`, one JSON line each, for tests to inspect. */
export function capturedLogs(config: Pick<Config, "logLevel">): {
  logger: Logger;
  lines: string[];
} {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(config, sink), lines };
}
