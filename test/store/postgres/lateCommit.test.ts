import pg from "pg";
import { afterEach, describe, expect, test } from "vitest";
import { appendBatch } from "../../../src/store/postgres/appendBatch.js";
import {
  openPostgresEventStore,
  type PostgresEventStore,
} from "../../../src/store/postgres/index.js";
import { APPEND_LOCK } from "../../../src/store/postgres/schema.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import {
  freshStreamId,
  newEvent,
  recordingSubscription,
  strictlyIncreasing,
  waitUntil,
} from "../contract/support.js";

const opened: { end(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.end()));
});

async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  opened.push({ end: () => client.end() });
  return client;
}

async function openStore(url: string, pollIntervalMs: number): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore(url, { pollIntervalMs });
  opened.push({ end: () => store.close() });
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function writersWaitingForTheAppendLock(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
    [APPEND_LOCK],
  );
  return rows[0].n;
}

describe("the bigserial trap (DESIGN.md §2)", () => {
  test("given a plain bigserial table, a lower position can commit after a higher one and a naive reader skips it", async () => {
    const url = await freshDatabaseUrl();
    const [early, late, reader] = [
      await rawClient(url),
      await rawClient(url),
      await rawClient(url),
    ];
    await reader.query("CREATE TABLE naive (position bigserial PRIMARY KEY, label text)");

    await early.query("BEGIN; INSERT INTO naive (label) VALUES ('early')");
    await late.query("BEGIN; INSERT INTO naive (label) VALUES ('late'); COMMIT");
    const firstPoll = await reader.query("SELECT position::int FROM naive WHERE position > 0");
    await early.query("COMMIT");
    const secondPoll = await reader.query("SELECT position::int FROM naive WHERE position > 2");

    expect(firstPoll.rows).toEqual([{ position: 2 }]);
    expect(secondPoll.rows).toEqual([]);
    const all = await reader.query("SELECT position::int FROM naive ORDER BY position");
    expect(all.rows).toEqual([{ position: 1 }, { position: 2 }]);
  });

  test("given a writer holding a lower position open, then later writers wait for its commit and a subscriber receives every event once, in order", async () => {
    const url = await freshDatabaseUrl();
    const store = await openStore(url, 50);
    const [early, late] = [await rawClient(url), await rawClient(url)];
    const streams = [freshStreamId(), freshStreamId(), freshStreamId()];
    const events = [newEvent({ writer: "early" }), newEvent({ writer: "late" }), newEvent()];
    const live = recordingSubscription(store, await store.headPosition());
    const ours = () => live.received.filter((e) => streams.includes(e.streamId));

    await early.query("BEGIN");
    const [earlyResult] = await appendBatch(early, [
      { streamId: streams[0]!, events: [events[0]!], expectedRevision: "any" },
    ]);
    const lateCommit = (async () => {
      await late.query("BEGIN");
      const [result] = await appendBatch(late, [
        { streamId: streams[1]!, events: [events[1]!], expectedRevision: "any" },
      ]);
      await late.query("COMMIT");
      return result;
    })();
    // The late writer queues first and the store's append after it: PostgreSQL grants the lock
    // in that order. Started together, the store's append could reach the queue first (the late
    // writer has a BEGIN to send before its append), and the order below would be a race.
    const queued = async (writers: number) => {
      for (let i = 0; (await writersWaitingForTheAppendLock(store.pool)) < writers; i++) {
        if (i > 200) throw new Error("the later writers never queued for the append lock");
        await sleep(10);
      }
    };
    await queued(1);
    const storeAppend = store.append(streams[2]!, [events[2]!]);
    await queued(2);
    await sleep(200);
    expect(ours()).toEqual([]);

    await early.query("COMMIT");
    const [lateResult, storeResult] = await Promise.all([lateCommit, storeAppend]);
    await waitUntil(() => ours().length >= 3, "all three events");
    await sleep(100);
    await live.subscription.stop();

    expect(ours().map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(strictlyIncreasing(live.received)).toBe(true);
    const positions = [earlyResult, lateResult].map((r) => (r?.ok ? r.value.position : -1n));
    expect(positions[0]).toBeLessThan(positions[1]!);
    expect(positions[1]).toBeLessThan(storeResult.position);
  });
});

describe("appends from other processes", () => {
  test("given two stores on one database, a subscriber that polls once a minute still sees the other store's appends promptly, once, in order", async () => {
    const url = await freshDatabaseUrl();
    const subscriberSide = await openStore(url, 60_000);
    const writerSide = await openStore(url, 60_000);
    const streams = Array.from({ length: 10 }, () => freshStreamId("process"));
    const live = recordingSubscription(subscriberSide, await subscriberSide.headPosition());
    await sleep(200);

    await Promise.all(
      streams.map(async (streamId) => {
        for (let n = 0; n < 10; n++) await writerSide.append(streamId, [newEvent({ n })]);
      }),
    );
    await waitUntil(() => live.received.length >= 100, "every event from the other store", 5_000);
    await sleep(100);

    const all = await writerSide.readAll({ limit: 1000 });
    expect(live.received.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    expect(all).toHaveLength(100);
    expect(strictlyIncreasing(live.received)).toBe(true);
  });
});
