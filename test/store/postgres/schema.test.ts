import { expect, test } from "vitest";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
import { OUTSIDE_READ_RECORDS } from "../../../src/store/postgres/schema.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { freshStreamId, newEvent } from "../contract/support.js";

test("given several processes starting at once on an empty database, then each opens the store and sees the others' events", async () => {
  const url = await freshDatabaseUrl();

  const stores = await Promise.all(
    Array.from({ length: 4 }, () => openPostgresEventStore(url, { maxConnections: 2 })),
  );
  try {
    const streamId = freshStreamId();
    for (const store of stores) await store.append(streamId, [newEvent()]);

    for (const store of stores) expect(await store.readStream(streamId)).toHaveLength(4);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test("given a store reopened on its database, then its events are still there and new appends continue the stream", async () => {
  const url = await freshDatabaseUrl();
  const streamId = freshStreamId();
  const first = await openPostgresEventStore(url);
  await first.append(streamId, [newEvent(), newEvent()]);
  await first.close();

  const second = await openPostgresEventStore(url);
  try {
    const result = await second.append(streamId, [newEvent()], { expectedRevision: 1 });

    expect(result.nextRevision).toBe(2);
    expect((await second.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
  } finally {
    await second.close();
  }
});

test("given a database written before the read-record index, when the store opens it, then the index is built and answers the feed", async () => {
  const url = await freshDatabaseUrl();
  const caseStream = freshStreamId("case");
  const first = await openPostgresEventStore(url);
  await first.pool.query("DROP INDEX events_outside_read_records");
  await first.append(`access-${caseStream}`, [newEvent(), newEvent()]);
  await first.append(caseStream, [newEvent()]);
  await first.close();

  const second = await openPostgresEventStore(url);
  try {
    const client = await second.pool.connect();
    // With scans priced out, the plan shows whether the partial index can answer the query.
    await client.query("SET enable_seqscan = off");
    const { rows } = await client.query(
      `EXPLAIN SELECT * FROM events WHERE ${OUTSIDE_READ_RECORDS} AND position > 0
       ORDER BY position LIMIT 1000`,
    );
    await client.query("RESET enable_seqscan");
    client.release();
    const feed = await second.readAllExceptReadRecords();

    expect(rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain(
      "events_outside_read_records",
    );
    expect(feed.map((e) => [e.streamId, e.revision])).toEqual([[caseStream, 0]]);
  } finally {
    await second.close();
  }
});
