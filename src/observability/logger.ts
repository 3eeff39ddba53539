import { type DestinationStream, type Logger, pino } from "pino";
import type { Config } from "../config.js";
import { safeError } from "./requestLog.js";

/**
 * Paths that must never be written even if someone logs a request or an error object
 * carrying them: credentials, bodies, and the personal fields the domain knows of.
 */
export const redactedPaths = [
  "req.headers",
  "req.body",
  "req.query",
  "res.headers",
  "headers.authorization",
  "authorization",
  "body",
  "err.body",
  "err.config",
  "*.subject",
  "*.name",
  "*.content",
  "*.description",
  "*.minutes",
];

/** The service logger: pino JSON; pass a destination to capture output in tests. */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: redactedPaths, remove: true },
    base: { service: "casustafel" },
    serializers: { err: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
