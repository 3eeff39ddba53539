import { afterEach, describe, expect, test } from "vitest";
import { eventHash, verifyAll, verifyStream } from "../../src/store/hashChain.js";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";
import { freshStreamId, newEvents } from "./contract/support.js";
import { tempStorePath } from "./sqlite/tempStore.js";

// The contract suite edits data and leaves the hash; these are the edits a careful attacker
// makes instead: recompute the row's own hash, drop a row, or reorder the chain.
let store: SqliteEventStore;
let remove: () => void;

async function streamOfSix(): Promise<string> {
  const temp = tempStorePath();
  remove = temp.remove;
  store = openSqliteEventStore(temp.path);
  const streamId = freshStreamId();
  await store.append(streamId, newEvents(6));
  return streamId;
}

afterEach(async () => {
  await store.close();
  remove();
});

describe("the hash chain against an attacker with write access to the file", () => {
  test("given an edited event whose own hash was recomputed, then the next event is the broken link", async () => {
    const streamId = await streamOfSix();
    const [edited] = await store.readStream(streamId, { from: 2, limit: 1 });
    const forged = { ...edited!, data: { n: 99 } };
    store.db
      .prepare("UPDATE events SET data = ?, hash = ? WHERE stream_id = ? AND revision = 2")
      .run(JSON.stringify(forged.data), eventHash(forged), streamId);

    const result = await verifyStream(store, streamId);

    expect(result.events).toBe(3);
    expect(result.broken).toMatchObject({ revision: 3, reason: "prev_hash_mismatch" });
  });

  test("given an event deleted from the middle, then verification reports the gap", async () => {
    const streamId = await streamOfSix();
    store.db.prepare("DELETE FROM events WHERE stream_id = ? AND revision = 4").run(streamId);

    const result = await verifyStream(store, streamId);

    expect(result.broken).toMatchObject({ revision: 5, reason: "revision_gap" });
    expect((await verifyAll(store)).broken).toEqual([result.broken]);
  });

  test("given two events' contents swapped, then the first of them is reported", async () => {
    const streamId = await streamOfSix();
    store.db
      .prepare(
        `UPDATE events SET data = CASE revision WHEN 1 THEN '{"n":2}' ELSE '{"n":1}' END
         WHERE stream_id = ? AND revision IN (1, 2)`,
      )
      .run(streamId);

    const result = await verifyStream(store, streamId);

    expect(result.broken).toMatchObject({ revision: 1, reason: "hash_mismatch" });
  });

  test("given an untouched stream, then it verifies (control)", async () => {
    const streamId = await streamOfSix();

    expect(await verifyStream(store, streamId)).toEqual({ events: 6, broken: null });
  });
});
