import { defineConfig } from "vitest/config";

// Two projects so the console's build and browser run only when its tests are selected, and
// PostgreSQL starts only for the service's tests.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "service",
          include: ["test/**/*.test.ts"],
          exclude: ["test/web/**"],
          globalSetup: ["test/support/postgresServer.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "console",
          include: ["test/web/**/*.test.ts"],
          globalSetup: ["test/web/support/consoleSetup.ts"],
          // The console build and one Chromium per file are heavy; they need no more company.
          hookTimeout: 180_000,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
