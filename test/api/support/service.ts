import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "../../../src/api/http/auth/claims.js";
import { mintDevToken } from "../../../src/api/http/auth/devTokens.js";
import { type Config, loadConfig } from "../../../src/config.js";
import { demoDevelopment } from "../../../src/demo/seed.js";
import { createMetrics } from "../../../src/observability/metrics.js";
import { type RunningService, startService } from "../../../src/service.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { capturedLogs } from "./capturedLogs.js";

export type StoreKind = "sqlite" | "postgres";

export interface TestService {
  url: string;
  config: Config;
  service: RunningService;
  logs: string[];
  token(org: string, roles: Role[], sub?: string): Promise<string>;
  /** fetch with a bearer token and JSON body. */
  call(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The whole service as `npm start` wires it (system, projector, every route), on an
 * ephemeral port, over a fresh SQLite directory or a fresh PostgreSQL database.
 */
export async function startTestService(
  kind: StoreKind = "sqlite",
  options: { seedDemo?: boolean; now?: () => string; env?: Record<string, string> } = {},
): Promise<TestService> {
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-service-"));
  const storeEnv =
    kind === "postgres" ? { STORE: "postgres", DATABASE_URL: await freshDatabaseUrl() } : {};
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    MIN_POSITION_WAIT_MS: "1000",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...storeEnv,
    ...options.env,
  });
  const { logger, lines: logs } = capturedLogs(config);
  const service = await startService(config, logger, {
    metrics: createMetrics({ defaultMetrics: false }),
    development: options.seedDemo ? demoDevelopment() : undefined,
    now: options.now,
  });
  return {
    url: service.url,
    config,
    service,
    logs,
    token: (org, roles, sub = `${org}-${roles[0]}`) =>
      mintDevToken(config, { organisationId: org, roles, userId: sub }),
    call: (token, method, path, body, headers = {}) =>
      fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
