import { spawn } from "node:child_process";
import { afterAll, expect, test } from "vitest";
import { verifyAll } from "../../src/store/hashChain.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { readAllPages } from "./contract/support.js";
import { tempStorePath } from "./sqlite/tempStore.js";

const temp = tempStorePath();
afterAll(() => temp.remove());

/** Runs the appender until it has acknowledged `count` events, then kills it with SIGKILL. */
async function appendThenKill(path: string, count: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/store/sqlite/appendUntilKilled.ts", path],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split("\n").length > count) resolve();
    });
    child.on("exit", () => reject(new Error(`appender exited early: ${output.slice(-200)}`)));
  });
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  // The last line may be cut mid-id: only whole lines were acknowledged.
  return output.split("\n").slice(0, -1);
}

test("given an appender killed with SIGKILL mid-stream, when the store is reopened, then every acknowledged event is there and every chain verifies", async () => {
  const acknowledged = await appendThenKill(temp.path, 2000);

  const store = openSqliteEventStore(temp.path);
  const stored = new Set((await readAllPages(store, 0n, 1000)).map((e) => e.eventId));
  const report = await verifyAll(store);
  await store.close();

  expect(acknowledged.length).toBeGreaterThanOrEqual(2000);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(report.streamsChecked).toBe(8);
  expect(report.eventsChecked).toBe(stored.size);
  expect(report.broken).toEqual([]);
}, 60_000);
