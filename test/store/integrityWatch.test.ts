import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import type { EventStore, Subscription } from "../../src/store/eventStore.js";
import type { BrokenLink } from "../../src/store/hashChain.js";
import { eventHash } from "../../src/store/hashChain.js";
import { createIntegrityWatch, type IntegrityWatch } from "../../src/store/integrityWatch.js";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";
import { freshStreamId, newEvent, newEvents, waitUntil } from "./contract/support.js";
import { tempStorePath } from "./sqlite/tempStore.js";

const HOUR = 3_600_000;

let store: SqliteEventStore;
let watch: IntegrityWatch;
let remove: () => void;
let reports: { broken: BrokenLink[]; restored: string[]; errors: unknown[] };
let streamReads: number;
let following: Subscription | undefined;

/** The store, counting readStream calls, watched with sweeps an hour apart after the first. */
async function watchedStore(): Promise<void> {
  const temp = tempStorePath();
  remove = temp.remove;
  store = openSqliteEventStore(temp.path);
  streamReads = 0;
  const counted = new Proxy(store as EventStore, {
    get(target, property) {
      if (property === "readStream") {
        return (...args: Parameters<EventStore["readStream"]>) => {
          streamReads++;
          return target.readStream(...args);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  reports = { broken: [], restored: [], errors: [] };
  watch = createIntegrityWatch({
    store: counted,
    sweepIntervalMs: HOUR,
    onBroken: (link) => reports.broken.push(link),
    onRestored: (streamId) => reports.restored.push(streamId),
    onError: (error) => reports.errors.push(error),
  });
}

/** Hands the watch every event committed from now on, as the projector does, and starts its sweeps. */
async function follow(): Promise<void> {
  following = store.subscribe((event) => watch.check(event), {
    fromPosition: await store.headPosition(),
  });
  watch.start();
}

/** Writes an event straight into the file, past the adapter, linked to nothing. */
function forgeAppend(streamId: string): void {
  const head = store.db
    .prepare("SELECT stream_key AS key, revision FROM streams WHERE stream_id = ?")
    .get(streamId) as { key: number; revision: number };
  const forged = {
    eventId: randomUUID(),
    streamId,
    revision: head.revision + 1,
    type: "SomethingHappened",
    schemaVersion: 1,
    recordedAt: new Date().toISOString(),
    data: { n: 666 },
    metadata: {},
    prevHash: "f".repeat(64),
  };
  const hash = eventHash(forged);
  store.db
    .prepare(
      `INSERT INTO events (event_id, stream_key, stream_id, revision, type, schema_version,
         recorded_at, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, 1, ?, ?, '{}', ?, ?)`,
    )
    .run(
      forged.eventId,
      head.key,
      streamId,
      forged.revision,
      forged.type,
      forged.recordedAt,
      JSON.stringify(forged.data),
      forged.prevHash,
      hash,
    );
  store.db
    .prepare("UPDATE streams SET revision = ?, last_hash = ? WHERE stream_key = ?")
    .run(forged.revision, hash, head.key);
}

const editData = (streamId: string, revision: number, data: string) =>
  store.db
    .prepare("UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?")
    .run(data, streamId, revision);

afterEach(async () => {
  await following?.stop();
  following = undefined;
  await watch.stop();
  await store.close();
  remove();
});

describe("the integrity watch", () => {
  test("given a watched store, when an event is written past the adapter that does not link, then the live check flags it without a sweep", async () => {
    await watchedStore();
    const streamId = freshStreamId();
    await store.append(streamId, newEvents(3));
    await follow();
    await watch.sweep();
    expect(watch.swept).toBe(true);
    await store.append(streamId, [newEvent({ n: 3 })]);

    forgeAppend(streamId);

    await waitUntil(() => watch.brokenStreams === 1, "the forged event to be flagged");
    expect(reports.broken).toEqual([
      expect.objectContaining({ streamId, revision: 4, reason: "prev_hash_mismatch" }),
    ]);
    expect(reports.errors).toEqual([]);
  });

  test("given a row edited long after it was written, when the sweep runs, then the stream is reported once, and cleared once the row is restored", async () => {
    await watchedStore();
    const streamId = freshStreamId();
    const intact = freshStreamId();
    await store.append(streamId, newEvents(6));
    await store.append(intact, newEvents(2));
    await follow();
    await watch.sweep();
    expect(watch.brokenStreams).toBe(0);

    editData(streamId, 2, '{"n":99}');
    await watch.sweep();
    await watch.sweep();

    expect(watch.brokenStreams).toBe(1);
    expect(reports.broken).toEqual([
      expect.objectContaining({ streamId, revision: 2, reason: "hash_mismatch" }),
    ]);

    editData(streamId, 2, '{"n":2}');
    await watch.sweep();

    expect(watch.brokenStreams).toBe(0);
    expect(reports.restored).toEqual([streamId]);
  });

  test("given many appends to a stream, then the live check reads the store for it once, not per event", async () => {
    await watchedStore();
    const streamId = freshStreamId();
    await store.append(streamId, newEvents(1));
    await follow();
    await watch.sweep();
    const readsBefore = streamReads;

    for (let n = 1; n <= 50; n++) await store.append(streamId, [newEvent({ n })]);
    forgeAppend(streamId);
    await waitUntil(() => watch.brokenStreams === 1, "the live check to reach the forged event");

    expect(reports.broken[0]).toMatchObject({ revision: 51 });
    expect(streamReads - readsBefore).toBe(1);
  });
});
