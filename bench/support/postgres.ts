import { randomUUID } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../test/support/embeddedPostgres.js";

/** An empty database for one bench run, and how to remove it afterwards. */
export interface BenchDatabase {
  url: string;
  dispose(): Promise<void>;
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

/** An embedded server for this run, stopped (and its files removed) on dispose. */
async function embedded(): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres("bench-pg");
  return { url: server.url, dispose: () => server.stop() };
}

/** DATABASE_URL when set (a fresh database on that server), else an embedded server for this run. */
export function benchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? onGivenServer(serverUrl) : embedded();
}
