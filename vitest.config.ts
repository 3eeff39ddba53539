import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Two projects so the console's build and browser run only when its tests are selected, and
// PostgreSQL starts only for the service's tests.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one file at a time on two cores (cores - 1); most files wait on child
    // processes, fsync and PostgreSQL as much as they compute (bench/README.md has the times).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "service",
          include: ["test/**/*.test.ts"],
          exclude: ["test/web/**"],
          globalSetup: ["test/support/postgresServer.ts", "test/support/serviceBuildSetup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "console",
          include: ["test/web/**/*.test.ts"],
          globalSetup: ["test/web/support/consoleSetup.ts"],
          // The console build and one Chromium per file are heavy, hence the longer timeouts; a
          // console file runs beside one other file, as the service's do.
          hookTimeout: 180_000,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
