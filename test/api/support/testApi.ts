import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { createApp, type HttpApi } from "../../../src/api/http/app.js";
import type { Role } from "../../../src/api/http/auth/claims.js";
import { mintDevToken } from "../../../src/api/http/auth/devTokens.js";
import type { TokenVerifier } from "../../../src/api/http/auth/verifyToken.js";
import { type RunningServer, startServer } from "../../../src/api/http/server.js";
import { type Config, loadConfig } from "../../../src/config.js";
import { createMetrics } from "../../../src/observability/metrics.js";
import type { Tracing } from "../../../src/observability/tracing.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import { instrumentEventStore } from "../../../src/store/instrumentedEventStore.js";
import { openSqliteEventStore } from "../../../src/store/sqlite/index.js";
import { capturedLogs } from "./capturedLogs.js";
import { thingRoutes } from "./thingRoutes.js";

export interface TestApi {
  url: string;
  config: Config;
  api: HttpApi;
  store: EventStore;
  server: RunningServer;
  /** Every log line written so far, as text. */
  logs: string[];
  /** The logger the app and server were given. */
  logger: Logger;
  token(org: string, roles: Role[], sub?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Replaces the verifier the configuration would build, e.g. to count signature checks. */
  verifyToken?: (config: Config) => Promise<TokenVerifier>;
  /** Request traces, as the service wires them from its configuration. */
  tracing?: Tracing;
}

/** Starts the real app on an ephemeral port over a real SQLite store in a fresh directory. */
export async function startTestApi(
  env: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-api-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    MIN_POSITION_WAIT_MS: "200",
    BODY_LIMIT: "4kb",
    ...env,
  });
  const { logger, lines: logs } = capturedLogs(config);
  const metrics = createMetrics({ defaultMetrics: false });
  const raw = openSqliteEventStore(join(dataDir, "events.sqlite"));
  const store = instrumentEventStore(raw, metrics);
  const masterKey = masterKeyFrom(randomBytes(32));
  const api = await createApp({
    config,
    logger,
    metrics,
    routes: thingRoutes(store),
    verifyToken: await options.verifyToken?.(config),
    tracing: options.tracing,
    // The thing routes append directly and ignore the key: the runner must notice that.
    idempotency: { fingerprints: masterKey.derive("fingerprints"), ids: masterKey.derive("ids") },
    waitForPosition: async (position, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while ((await store.headPosition()) < position) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
    readiness: async () => ({ ready: true, checks: { head: Number(await store.headPosition()) } }),
  });
  const server = await startServer(api, {
    port: 0,
    host: "127.0.0.1",
    logger,
    resources: [{ name: "store", close: () => store.close() }],
  });
  return {
    url: server.url,
    config,
    api,
    store,
    server,
    logs,
    logger,
    token: (org, roles, sub = `${org}-user`) =>
      mintDevToken(config, { organisationId: org, roles, userId: sub }),
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** application/problem+json body and status, asserted by callers. */
export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  if (!response.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(
      `expected problem+json, got ${response.status} ${response.headers.get("content-type")}`,
    );
  }
  return (await response.json()) as Record<string, unknown>;
}

export interface ThingBody {
  id: string;
  label: string;
  count: number;
}

/** The JSON body of a thing response, typed for the assertions. */
export async function thingOf(response: Response | Promise<Response>): Promise<ThingBody> {
  return (await (await response).json()) as ThingBody;
}
