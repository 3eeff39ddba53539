import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "../../../src/api/http/auth/claims.js";
import { mintDevToken } from "../../../src/api/http/auth/devTokens.js";
import { loadConfig } from "../../../src/config.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import {
  killHalfStarted,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from "./serviceProcess.js";

/** One HTTP exchange, read completely. */
export interface Exchange {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary response fields
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Service processes on one store, sharing DATA_DIR and MASTER_KEY: several on one PostgreSQL
 * database, or with `STORE: "sqlite"` one at a time on one file under DATA_DIR.
 */
export interface Cluster {
  databaseUrl: string;
  dataDir: string;
  services: ServiceProcess[];
  token(organisationId: string, roles: Role[]): Promise<string>;
  /**
   * Starts one more process on the same store and settings (e.g. after a kill) and waits until
   * it is ready; a start-up that fails ends the wait at once, a slow one (a loaded machine) may take long.
   */
  start(name: string): Promise<ServiceProcess>;
  call(
    service: ServiceProcess,
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<Exchange>;
  /** SIGTERMs what still runs (SIGKILL after a failure) and removes DATA_DIR. */
  close(): Promise<void>;
}

export async function call(
  service: ServiceProcess,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${service.url}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/**
 * Starts `count` processes at the same moment on an empty database, as an orchestrator
 * would, and waits until every one answers /ready.
 */
export async function startCluster(
  count: number,
  overrides: Record<string, string> = {},
): Promise<Cluster> {
  const databaseUrl = await freshDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-cluster-"));
  const environment = {
    NODE_ENV: "test",
    STORE: "postgres",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    MASTER_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "1000000",
    MIN_POSITION_WAIT_MS: "2000",
    ...overrides,
  };
  const services = await Promise.all(
    Array.from({ length: count }, (_, index) => spawnService(`process ${index + 1}`, environment)),
  );
  try {
    await Promise.all(services.map((service) => waitUntilReady(service)));
  } catch (error) {
    await killHalfStarted();
    throw error;
  }
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir });
  return {
    databaseUrl,
    dataDir,
    services,
    token: (organisationId, roles) =>
      mintDevToken(config, {
        organisationId,
        roles,
        userId: `${organisationId}-${roles.join("-")}`,
      }),
    async start(name) {
      const service = await spawnService(name, environment);
      services.push(service);
      await waitUntilReady(service, 120_000);
      return service;
    },
    call,
    close: async () => {
      const stopped = Promise.all(services.map((service) => service.stop("SIGTERM")));
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      // Only this cluster's processes: another cluster may be running in the same file.
      await Promise.all(services.map((service) => service.stop("SIGKILL")));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
