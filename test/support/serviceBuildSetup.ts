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
 * directory of its own (a developer's dist/ is never shared). Each service process a test
 * starts then loads plain JavaScript: under tsx a start compiled 300 modules first and cost
 * twice the CPU (3.2 against 1.5 s on two cores).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = join(root, `.dist-${randomUUID()}`);
  await buildService(dist);
  project.provide("serviceBuild", dist);
  return () => rm(dist, { recursive: true, force: true });
}
