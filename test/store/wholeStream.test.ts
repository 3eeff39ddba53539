import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";
import { readWholeStream } from "../../src/store/wholeStream.js";
import { appendLoadProbes } from "../support/loadProbes.js";

describe("reading a whole stream", () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "whole-stream-"));
    store = openSqliteEventStore(join(dir, "store.sqlite"));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("given a stream of 30,000 events, when it is read whole, then every event comes back in order and the event loop gets turns meanwhile", async () => {
    await appendLoadProbes(store, 30_000);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      const events = await readWholeStream(store, "load-probe");
      expect(events.map((event) => event.data.n)).toEqual(
        Array.from({ length: 30_000 }, (_, n) => n),
      );
      expect(turns).toBeGreaterThan(0);
      const tail = await readWholeStream(store, "load-probe", 29_990);
      expect(tail.map((event) => event.revision)).toEqual(
        Array.from({ length: 10 }, (_, n) => 29_990 + n),
      );
    } finally {
      clearInterval(ticking);
    }
  }, 60_000);
});
