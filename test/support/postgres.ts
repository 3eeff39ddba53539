import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The server URL the global setup provides (DATABASE_URL or the embedded server). */
export function serverUrl(): string {
  return inject("databaseUrl");
}

/**
 * Why a test cannot have a PostgreSQL server of its own, whose data directory it reads and whose
 * WAL no other test file writes meanwhile; undefined when it can (the embedded server).
 */
export const OWN_SERVER_UNAVAILABLE = process.env.DATABASE_URL
  ? "DATABASE_URL names the server to use, whose data directory this test may not reach and whose WAL other test files write meanwhile"
  : undefined;

/** Creates an empty database of its own for one test file or test, and returns its URL. */
export async function freshDatabaseUrl(server = serverUrl()): Promise<string> {
  const url = new URL(server);
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
