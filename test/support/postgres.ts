import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The server URL the global setup provides (DATABASE_URL or the embedded server). */
export function serverUrl(): string {
  return inject("databaseUrl");
}

/** Creates an empty database of its own for one test file or test, and returns its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const url = new URL(serverUrl());
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
