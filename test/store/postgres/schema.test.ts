import { expect, test } from "vitest";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
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
