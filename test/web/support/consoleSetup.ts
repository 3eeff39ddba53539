import chromium from "@sparticuz/chromium";
import type { TestProject } from "vitest/node";
import { buildConsoleIfStale } from "../../../web/build/consoleBuild.js";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/**
 * Once per run of the console tests: build web/ if its inputs changed, and unpack the
 * Chromium that ships inside @sparticuz/chromium (once, so parallel files never race on it).
 */
export default async function setup(project: TestProject): Promise<void> {
  await buildConsoleIfStale((line) => process.stdout.write(`${line}\n`));
  project.provide("chromiumPath", await chromium.executablePath());
}
