import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { verifyAll } from "../../../src/store/hashChain.js";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { readAllPages } from "../contract/support.js";

const appendLoop = fileURLToPath(new URL("./appendLoop.ts", import.meta.url));

test("given a writer killed with SIGKILL mid-stream, when the store reopens, then every acknowledged event is there and every chain verifies", async () => {
  const url = await freshDatabaseUrl();
  const child = spawn(process.execPath, ["--import", "tsx", appendLoop, url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  const acknowledged: string[] = [];
  let partial = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    acknowledged.push(...lines);
    if (acknowledged.length >= 400 && !child.killed) child.kill("SIGKILL");
  });

  expect(await exited).toBe("SIGKILL");
  const store = await openPostgresEventStore(url);
  try {
    const stored = new Set((await readAllPages(store, 0n, 1000)).map((e) => e.eventId));
    const report = await verifyAll(store);

    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.streamsChecked).toBe(8);
    expect(report.eventsChecked).toBe(stored.size);
  } finally {
    await store.close();
  }
});
