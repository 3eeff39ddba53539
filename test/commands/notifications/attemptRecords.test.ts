import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { attemptEvents } from "../../../src/commands/notifications/attempt.js";
import { batchAppender } from "../../../src/commands/notifications/batchAppender.js";
import {
  ATTEMPTS_PER_EVENT,
  changesIn,
  WEBHOOK_ATTEMPTS_STREAM,
  type WebhookDeliveryAttempted,
  type WebhookDeliveryEvent,
} from "../../../src/domain/index.js";
import { openSqliteEventStore, type SqliteEventStore } from "../../../src/store/sqlite/index.js";

// Attempts go on record in batches, on the real SQLite store: one append per moment, one event
// per ATTEMPTS_PER_EVENT attempts, and nobody hears "recorded" before the read side has it.

let store: SqliteEventStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  store = dir = undefined;
});

async function givenStore(): Promise<SqliteEventStore> {
  dir = await mkdtemp(join(tmpdir(), "casustafel-attempts-"));
  store = openSqliteEventStore(join(dir, "events.db"));
  return store;
}

const attempt = (n: number): WebhookDeliveryAttempted["data"] => ({
  deliveryId: `delivery-${n}`,
  subscriptionId: "__proto__",
  attempt: 1,
  outcome: n % 3 === 0 ? "failed" : "delivered",
  status: n % 3 === 0 ? 503 : 204,
  nextAttemptAt: n % 3 === 0 ? "2025-03-10T09:00:01.000Z" : null,
  attemptedAt: "2025-03-10T09:00:00.000Z",
});

const onRecord = async (store: SqliteEventStore) =>
  (await store.readStream(WEBHOOK_ATTEMPTS_STREAM, { limit: 10_000 })).map((event) => ({
    type: event.type,
    attempts: changesIn(event as unknown as WebhookDeliveryEvent).map((c) => c.data),
  }));

describe("recording webhook attempts", () => {
  test("Given one attempt being committed, when 1,200 more finish meanwhile, then they go on record in the next append, ATTEMPTS_PER_EVENT to an event, every attempt once and in order", async () => {
    const store = await givenStore();
    const record = batchAppender(store, WEBHOOK_ATTEMPTS_STREAM, attemptEvents);
    const attempts = Array.from({ length: 1_201 }, (_, n) => attempt(n));

    const positions = await Promise.all(attempts.map(record));

    const events = await onRecord(store);
    expect(events.map((e) => [e.type, e.attempts.length])).toEqual([
      ["WebhookDeliveriesAttempted", 1],
      ["WebhookDeliveriesAttempted", ATTEMPTS_PER_EVENT],
      ["WebhookDeliveriesAttempted", ATTEMPTS_PER_EVENT],
      ["WebhookDeliveriesAttempted", 1_200 - 2 * ATTEMPTS_PER_EVENT],
    ]);
    expect(events.flatMap((e) => e.attempts)).toEqual(attempts);
    expect(new Set(positions.slice(1)).size).toBe(1);
    expect(positions[0]! < positions[1]!).toBe(true);
  });

  test("Given the read side has not applied an append yet, then its callers are not told it is recorded; once it has, they all are", async () => {
    const store = await givenStore();
    let release: () => void = () => {};
    const applied = new Promise<void>((resolve) => (release = resolve));
    const seen: bigint[] = [];
    const record = batchAppender(store, WEBHOOK_ATTEMPTS_STREAM, attemptEvents, (position) => {
      seen.push(position);
      return applied;
    });
    let told = 0;
    const recorded = [1, 2, 3].map((n) => record(attempt(n)).then(() => (told += 1)));
    await expect.poll(() => seen.length).toBe(2);
    expect(await onRecord(store)).toHaveLength(2);
    expect(told).toBe(0);

    release();
    await Promise.all(recorded);
    expect(told).toBe(3);
  });
});
