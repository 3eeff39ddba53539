import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HttpApi } from "../../../../src/api/http/app.js";
import type { Role } from "../../../../src/api/http/auth/claims.js";
import { mintDevToken } from "../../../../src/api/http/auth/devTokens.js";
import type { Route } from "../../../../src/api/http/routeDefinition.js";
import { allRoutes } from "../../../../src/api/routeTable.js";
import { handleCovenantCommand } from "../../../../src/commands/covenants.js";
import { handleSubjectCommand } from "../../../../src/commands/subjects.js";
import { loadConfig } from "../../../../src/config.js";
import { createMetrics } from "../../../../src/observability/metrics.js";
import { type AccessRecord, accessRecordsFrom } from "../../../../src/privacy/accessRecords.js";
import { startService } from "../../../../src/service.js";
import type { RecordedEvent } from "../../../../src/store/types.js";
import type { System } from "../../../../src/system.js";
import { COVENANT_ID, ORG, regionCommands } from "../../../domain/fixtures.js";
import { freshDatabaseUrl } from "../../../support/postgres.js";
import { capturedLogs } from "../../support/capturedLogs.js";

export { COVENANT_ID, ORG } from "../../../domain/fixtures.js";

export type StoreKind = "sqlite" | "postgres";

/** One HTTP exchange, read completely. */
export interface Exchange {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields; the schema test types them
  body: any;
  contentType: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as it is, instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface CaseApi {
  url: string;
  system: System;
  api: HttpApi;
  routes: Route[];
  /** Every log line written so far. */
  logs: string[];
  /** Every exchange so far, for the schema test. */
  exchanges: { method: string; path: string; exchange: Exchange }[];
  token(org: string, roles: Role[], userId?: string): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<Exchange>;
  /** The case stream as stored (personal fields still encrypted). */
  caseEvents(caseId: string): Promise<RecordedEvent[]>;
  /** Every stored read record of the case, oldest first, whichever event holds it, with its event's position. */
  accessRecords(caseId: string): Promise<(AccessRecord & { position: bigint })[]>;
  close(): Promise<void>;
}

/**
 * The real app on an ephemeral port, over the composition root's system on a real store
 * (a fresh SQLite directory or a fresh PostgreSQL database), with the region's covenant.
 */
export async function startCaseApi(kind: StoreKind = "sqlite"): Promise<CaseApi> {
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-cases-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    STORE: kind,
    ...(kind === "postgres" ? { DATABASE_URL: await freshDatabaseUrl() } : {}),
    MIN_POSITION_WAIT_MS: "2000",
    BODY_LIMIT: "64kb",
    RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "info",
  });
  const { logger, lines: logs } = capturedLogs(config);
  const service = await startService(
    { ...config, http: { ...config.http, port: 0, host: "127.0.0.1" } },
    logger,
    { metrics: createMetrics({ defaultMetrics: false }) },
  );
  const { system, api, server } = service;
  for (const command of regionCommands()) {
    await handleCovenantCommand(system.resources.commands, command);
  }
  const routes = allRoutes(system.resources);
  const exchanges: CaseApi["exchanges"] = [];

  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await response.text();
    const exchange: Exchange = {
      status: response.status,
      headers: response.headers,
      body: text === "" ? undefined : JSON.parse(text),
      contentType: response.headers.get("content-type") ?? "",
    };
    exchanges.push({ method, path, exchange });
    return exchange;
  }

  return {
    url: server.url,
    system,
    api,
    routes,
    logs,
    exchanges,
    token: (org, roles, userId = `${org}-${roles.join("-")}`) =>
      mintDevToken(config, { organisationId: org, roles, userId }),
    call,
    caseEvents: (caseId) => system.store.readStream(`case-${caseId}`),
    accessRecords: async (caseId) =>
      (await system.store.readAll({ limit: Number.MAX_SAFE_INTEGER }))
        .flatMap((event) =>
          accessRecordsFrom(event).map((record) => ({ ...record, position: event.position })),
        )
        .filter((record) => record.caseId === caseId),
    close: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The covenant's privacy officer erases the young person of a case. Through its command, not
 * its route: the test region's covenant id is no UUID, which the route's schema asks for.
 */
export function eraseSubjectOfCase(system: System, subjectId: string, caseId: string) {
  return handleSubjectCommand(
    system.resources.commands,
    {
      type: "EraseSubject",
      actor: { userId: "fg", organisationId: ORG.chair, roles: ["privacy-officer"] },
      now: new Date().toISOString(),
      subjectId,
      caseIds: [caseId],
      reason: "data-subject-request",
    },
    COVENANT_ID,
  );
}
