import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { verifyStream } from "../../src/store/hashChain.js";
import {
  openSqliteDatabase,
  openSqliteEventStore,
  SqliteEventStore,
} from "../../src/store/sqlite/index.js";
import { freshStreamId, newEvents, recordingSubscription, waitUntil } from "./contract/support.js";
import { eventStoreContract } from "./contract.js";
import { tempStorePath } from "./sqlite/tempStore.js";

const run = promisify(execFile);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function freshPath(): string {
  const temp = tempStorePath();
  cleanups.push(temp.remove);
  return temp.path;
}

let last: SqliteEventStore | undefined;

eventStoreContract("sqlite", {
  async open() {
    last = openSqliteEventStore(freshPath());
    return last;
  },
  async tamper(streamId, revision) {
    last!.db
      .prepare(
        "UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE stream_id = ? AND revision = ?",
      )
      .run(streamId, revision);
  },
});

describe("SQLite store file", () => {
  test("given a file one process owns, when a second process opens it, then it fails fast with StoreLockedError", async () => {
    const path = freshPath();
    const store = openSqliteEventStore(path);
    await store.append(freshStreamId(), newEvents(1));

    const { stdout } = await run(process.execPath, [
      "--import",
      "tsx",
      "test/store/sqlite/tryOpen.ts",
      path,
    ]);
    await store.close();
    const again = await run(process.execPath, [
      "--import",
      "tsx",
      "test/store/sqlite/tryOpen.ts",
      path,
    ]);

    const refused = JSON.parse(stdout);
    expect(refused).toMatchObject({ opened: false, name: "StoreLockedError" });
    expect(refused.message).toContain("another process");
    expect(refused.message).toContain("PostgreSQL");
    expect(refused.ms).toBeLessThan(1000);
    expect(JSON.parse(again.stdout)).toEqual({ opened: true });
  });

  test("given an opened file, then it runs WAL, synchronous=FULL, foreign keys, secure_delete and journals savepoints in memory", () => {
    const db = openSqliteDatabase(freshPath());
    const pragma = (name: string) => db.pragma(name, { simple: true });

    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2);
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("secure_delete")).toBe(1);
    expect(pragma("locking_mode")).toBe("exclusive");
    // 2: MEMORY, so no page image (wrapped keys among them) goes to an unlinked temporary file
    expect(pragma("temp_store")).toBe(2);
    db.close();
  });

  test("given a store closed and reopened, then the schema is reused and the chain continues", async () => {
    const path = freshPath();
    const streamId = freshStreamId();
    const first = openSqliteEventStore(path);
    await first.append(streamId, newEvents(3));
    await first.close();

    const second = openSqliteEventStore(path);
    const result = await second.append(streamId, newEvents(2), { expectedRevision: 2 });
    const verified = await verifyStream(second, streamId);
    await second.close();

    expect(result.nextRevision).toBe(4);
    expect(verified).toEqual({ events: 5, broken: null });
  });

  test("given an event whose members are out of order, when it is appended, then the file holds its data and metadata as the canonical text the chain hashed, read back unchanged", async () => {
    const store = openSqliteEventStore(freshPath());
    const streamId = freshStreamId();
    const data = { z: "é", a: { y: [2, { b: 1, a: 0 }], x: null } };
    await store.append(streamId, [
      {
        eventId: randomUUID(),
        type: "Ordered",
        data,
        metadata: { userId: "u", correlationId: "c" },
      },
    ]);

    const row = store.db
      .prepare("SELECT data, metadata FROM events WHERE stream_id = ?")
      .get(streamId);
    const [event] = await store.readStream(streamId);
    const verified = await verifyStream(store, streamId);
    await store.close();

    expect(row).toEqual({
      data: '{"a":{"x":null,"y":[2,{"a":0,"b":1}]},"z":"é"}',
      metadata: '{"correlationId":"c","userId":"u"}',
    });
    expect(event?.data).toEqual(data);
    expect(verified).toEqual({ events: 1, broken: null });
  });

  test("given a file written before the read-record index, when it is opened, then the index is built and pages past the read records", async () => {
    const path = freshPath();
    const caseStream = freshStreamId("case");
    const first = openSqliteEventStore(path);
    first.db.exec("DROP INDEX events_outside_read_records");
    await first.append(`access-${caseStream}`, newEvents(3));
    await first.append(caseStream, newEvents(2));
    await first.close();

    const second = openSqliteEventStore(path);
    const index = second.db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'events_outside_read_records'")
      .pluck()
      .get();
    const feed = await second.readAllExceptReadRecords();
    await second.close();

    expect(index).toContain("substr(stream_id, 1, 7) <> 'access-'");
    expect(feed.map((e) => [e.streamId, e.revision])).toEqual([
      [caseStream, 0],
      [caseStream, 1],
    ]);
  });

  test("given a live subscription, when events are appended, then commits wake it without waiting for the poll", async () => {
    const store = openSqliteEventStore(freshPath());
    const streamId = freshStreamId();
    const { received, subscription } = recordingSubscription(store, 0n);

    const started = performance.now();
    for (let i = 0; i < 5; i++) {
      await store.append(streamId, newEvents(1));
      await waitUntil(() => received.length > i, "the live event");
    }
    const elapsed = performance.now() - started;
    await subscription.stop();
    await store.close();

    // Waiting for the one-second poll would take about 2.5 s for five events.
    expect(elapsed).toBeLessThan(1000);
  });

  test("given a shared database, then the store leaves it open for the key store on close", async () => {
    const db = openSqliteDatabase(freshPath());
    const store = new SqliteEventStore(db);
    await store.append(freshStreamId(), newEvents(1));

    await store.close();

    expect(db.open).toBe(true);
    expect(db.prepare("SELECT count(*) FROM events").pluck().get()).toBe(1);
    db.close();
  });
});
