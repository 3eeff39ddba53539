import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildService, root } from "../../build/serviceBuild.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The service built for this run (build/serviceBuild.ts): what the tests' service processes run. */
    serviceBuild: string;
  }
}

/**
 * Vitest global setup: the service built once for the run, as `npm start` runs it, in a
 * directory of its own (a developer's dist/ is never shared), and again when watch mode reruns
 * after a change. A service process a test starts then loads plain JavaScript instead of
 * compiling 300 modules under tsx first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = join(root, `.dist-${randomUUID()}`);
  await buildService(dist);
  project.provide("serviceBuild", dist);
  project.onTestsRerun(() => buildService(dist));
  return () => rm(dist, { recursive: true, force: true });
}
