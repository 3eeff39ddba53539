import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  killHalfStarted,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from "./support/serviceProcess.js";

let dataDir: string | undefined;
afterAll(async () => {
  await killHalfStarted();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("given a process owning an SQLite store, a second process on the same file refuses to start and names the remedy", async () => {
  dataDir = await mkdtemp(join(tmpdir(), "casustafel-sqlite-owner-"));
  const environment = {
    NODE_ENV: "test",
    STORE: "sqlite",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  const owner: ServiceProcess = await spawnService("owner", environment);
  await waitUntilReady(owner);

  const second = await spawnService("second", environment);
  const exit = await second.exited;
  expect(exit).toEqual({ code: 1, signal: null });
  expect(second.stderr()).toMatch(/^StoreLockedError: /);
  expect(second.stderr()).toMatch(/in use by another process/);
  expect(second.stderr()).toMatch(/use PostgreSQL/);

  // The owner was not disturbed by the attempt.
  expect((await fetch(`${owner.url}/ready`)).status).toBe(200);
  expect(await owner.stop("SIGTERM")).toEqual({ code: 0, signal: null });
});
