import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { CommittedTail, type StoredRow } from "../../src/store/sqlite/committedTail.js";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";
import type { JsonObject, RecordedEvent } from "../../src/store/types.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";
import { freshStreamId, newEvent, recordingSubscription, waitUntil } from "./contract/support.js";
import { tempStorePath } from "./sqlite/tempStore.js";

// Subscribers get the events this process just committed from memory, not read back from the
// file; what they get must still be exactly what a read of the file gives, in order, whole.
const opened: { store: SqliteEventStore; remove: () => void }[] = [];
afterEach(async () => {
  for (const { store, remove } of opened.splice(0).reverse()) {
    await store.close();
    remove();
  }
});

function freshStore(): SqliteEventStore {
  const temp = tempStorePath();
  const store = openSqliteEventStore(temp.path);
  opened.push({ store, remove: temp.remove });
  return store;
}

async function following(store: SqliteEventStore) {
  const recording = recordingSubscription(store, await store.headPosition());
  return { ...recording, stop: () => recording.subscription.stop() };
}

const stored = async (store: SqliteEventStore): Promise<RecordedEvent[]> => store.readAll();

describe("the SQLite store's subscribers after this process's own appends", () => {
  test("given two subscribers, when an event is appended, then both get one frozen event equal to the stored one", async () => {
    const store = freshStore();
    const first = await following(store);
    const second = await following(store);

    await store.append(freshStreamId(), [newEvent({ n: 1, nested: { list: [1, { deep: 2 }] } })]);
    await waitUntil(() => first.received.length === 1 && second.received.length === 1, "both");

    const [event] = first.received;
    expect(second.received[0]).toBe(event);
    expect(Object.isFrozen(event!.data.nested)).toBe(true);
    expect(() => {
      (event!.data as { n: number }).n = 2;
    }).toThrow(TypeError);
    expect(first.received).toEqual(await stored(store));
    // The notification planner reads pages after its position: those come from memory too.
    expect((await store.readAll({ fromPosition: event!.position - 1n }))[0]).toBe(event);
  });

  test("given data JSON does not keep as given (undefined members, -0, built-in names as keys), then subscribers get what the file holds", async () => {
    const store = freshStore();
    const keys = fc.oneof(fc.string(), fc.constantFrom(...BUILTIN_NAMES, "10", "2"));
    const data = fc.dictionary(
      keys,
      fc.oneof(fc.constant(undefined), fc.constant(-0), fc.string()),
    );
    const sample = fc.sample(data, { numRuns: 40, seed: 15 }) as JsonObject[];
    const subscriber = await following(store);

    for (const each of sample) await store.append(freshStreamId(), [newEvent(each)]);
    await waitUntil(() => subscriber.received.length === sample.length, "every event");

    expect(subscriber.received).toEqual(await stored(store));
    expect(subscriber.received.map((e) => JSON.stringify(e.data))).toEqual(
      (await stored(store)).map((e) => JSON.stringify(e.data)),
    );
  });

  test("given a batch where one append fails half-way (a repeated event id) and its neighbours commit, then subscribers get only what was committed", async () => {
    const store = freshStore();
    const subscriber = await following(store);
    const [before, after] = [freshStreamId(), freshStreamId()];
    const taken = newEvent({ n: 0 });
    await store.append(freshStreamId(), [taken]);

    // Appended in one tick, so the group commit writes them in one transaction.
    const outcomes = await Promise.allSettled([
      store.append(before, [newEvent({ n: 1 })]),
      store.append(freshStreamId(), [
        newEvent({ n: 2 }),
        { ...newEvent({ n: 3 }), eventId: taken.eventId },
      ]),
      store.append(after, [newEvent({ n: 4 })], { expectedRevision: 5 }),
      store.append(after, [newEvent({ n: 5 })]),
    ]);
    await store.append(freshStreamId(), [newEvent({ n: 6 })]);
    await waitUntil(() => subscriber.received.some((e) => e.data.n === 6), "the next commit");

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    expect(subscriber.received.map((e) => e.data.n)).toEqual([0, 1, 5, 6]);
    expect(subscriber.received).toEqual(await stored(store));
  });

  test("given rows after a gap (a commit this process did not make), then the tail answers only from the run after it", () => {
    const tail = new CommittedTail();
    tail.add([row(1n), row(2n)]);
    tail.add([row(4n)]);

    expect(tail.after(1n, 10)).toBeUndefined();
    expect(tail.after(2n, 10)).toBeUndefined();
    expect(tail.after(3n, 10)?.map((e) => e.position)).toEqual([4n]);
    expect(tail.after(4n, 10)).toBeUndefined();

    tail.add(Array.from({ length: 600 }, (_, n) => row(BigInt(5 + n))));
    expect(tail.after(4n, 10)).toBeUndefined();
    expect(tail.after(100n, 2)?.map((e) => e.position)).toEqual([101n, 102n]);
    expect(tail.after(603n, 10)?.map((e) => e.position)).toEqual([604n]);
  });

  test("given a subscriber far behind, or an append larger than the tail, then it catches up from the file and then follows", async () => {
    const store = freshStore();
    const streamId = freshStreamId();
    // Batches smaller and larger than the tail keeps, so the subscriber starts outside it.
    for (const [from, count] of [
      [0, 300],
      [300, 900],
    ] as const) {
      await store.append(
        streamId,
        Array.from({ length: count }, (_, n) => newEvent({ n: from + n })),
      );
    }
    const subscriber = recordingSubscription(store, 0n);
    await waitUntil(() => subscriber.received.length === 1_200, "catch-up");
    await store.append(streamId, [newEvent({ n: 1_200 })]);
    await waitUntil(() => subscriber.received.length === 1_201, "the live event");
    await subscriber.subscription.stop();

    expect(subscriber.received.map((e) => e.data.n)).toEqual([...Array(1_201).keys()]);
    expect(subscriber.received).toEqual(await readEverything(store));
  });
});

describe("the committed tail, against a model of the rows committed", () => {
  test("for any commits (some after a gap) and any question, it answers the next rows in order, or leaves it to the file", () => {
    const commit = fc.record({ gap: fc.boolean(), size: fc.integer({ min: 1, max: 700 }) });
    const question = fc.record({ back: fc.integer({ min: 0, max: 800 }), limit: fc.nat(600) });
    fc.assert(
      fc.property(fc.array(commit, { minLength: 1, maxLength: 6 }), question, (commits, asked) => {
        const tail = new CommittedTail();
        let head = 0n;
        for (const { gap, size } of commits) {
          if (gap) head += 3n;
          tail.add(Array.from({ length: size }, (_, n) => row(head + 1n + BigInt(n))));
          head += BigInt(size);
        }
        const from = head - BigInt(asked.back) < 0n ? 0n : head - BigInt(asked.back);

        const answer = tail.after(from, asked.limit)?.map((event) => event.position);

        // Within the last commit (and the last 512 rows) the tail must answer; elsewhere it may not.
        const last = Math.min(commits.at(-1)!.size, 512);
        if (from < head && from >= head - BigInt(last)) expect(answer).toBeDefined();
        if (answer === undefined) return;
        const due = Math.min(asked.limit, Number(head - from));
        expect(answer).toEqual(Array.from({ length: due }, (_, n) => from + 1n + BigInt(n)));
      }),
      { numRuns: 300 },
    );
  });
});

function row(position: bigint): StoredRow {
  return {
    position,
    eventId: `e${position}`,
    streamId: "s",
    revision: Number(position),
    type: "T",
    schemaVersion: 1,
    recordedAt: "2026-12-01T00:00:00.000Z",
    data: "{}",
    metadata: "{}",
    prevHash: "",
    hash: "",
  };
}

async function readEverything(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ fromPosition: events.at(-1)?.position ?? 0n });
    events.push(...page);
    if (page.length < 1000) return events;
  }
}
