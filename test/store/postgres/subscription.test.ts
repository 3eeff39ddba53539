import { expect, test } from "vitest";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { freshStreamId, newEvent, recordingSubscription, waitUntil } from "../contract/support.js";

test("given running subscriptions, when the last one stops, then its listening connection goes back to the pool", async () => {
  const store = await openPostgresEventStore(await freshDatabaseUrl());
  const listening = async () => {
    const { rows } = await store.pool.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    return rows[0].n as number;
  };
  try {
    const streamId = freshStreamId();
    const [a, b] = [recordingSubscription(store, 0n), recordingSubscription(store, 0n)];
    await store.append(streamId, [newEvent()]);
    await waitUntil(() => a.received.length + b.received.length >= 2, "both subscriptions");
    expect(await listening()).toBe(1);

    await a.subscription.stop();
    expect(await listening()).toBe(1);
    await b.subscription.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await listening()).toBe(0);
    expect(store.pool.idleCount).toBe(store.pool.totalCount);
  } finally {
    await store.close();
  }
});

test("given a handler that throws, then the subscription ends and closed rejects with that error", async () => {
  const store = await openPostgresEventStore(await freshDatabaseUrl());
  try {
    await store.append(freshStreamId(), [newEvent(), newEvent()]);
    const seen: string[] = [];
    const subscription = store.subscribe((event) => {
      seen.push(event.eventId);
      throw new Error("projection failed");
    });

    await expect(subscription.closed).rejects.toThrow("projection failed");
    expect(seen).toHaveLength(1);
    await expect(subscription.stop()).resolves.toBeUndefined();
  } finally {
    await store.close();
  }
});
