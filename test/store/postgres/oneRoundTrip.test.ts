import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuplicateEventIdError, WrongExpectedRevisionError } from "../../../src/store/errors.js";
import { verifyStream } from "../../../src/store/hashChain.js";
import {
  openPostgresEventStore,
  type PostgresEventStore,
} from "../../../src/store/postgres/index.js";
import type { Json, JsonObject } from "../../../src/store/types.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { freshStreamId, newEvent, newEvents } from "../contract/support.js";

let store: PostgresEventStore;
/** Every statement the store's connections send to the server, in order. */
const sent: string[] = [];

beforeAll(async () => {
  store = await openPostgresEventStore(await freshDatabaseUrl());
  const counted = new WeakSet<pg.PoolClient>();
  store.pool.on("acquire", (client: pg.PoolClient) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      const config = args[0] as string | { text: string };
      sent.push(typeof config === "string" ? config : config.text);
      return query(...args);
    };
  });
});
afterAll(() => store.close());

async function roundTripsOf(appends: () => Promise<unknown>): Promise<string[]> {
  sent.length = 0;
  await appends();
  return [...sent];
}

describe("a PostgreSQL append is one round trip", () => {
  test("given a single event, a batch of 100, or 32 appenders at once, then each group commit is one statement to the server", async () => {
    const streamId = freshStreamId();
    await store.append(streamId, [newEvent()]);

    const single = await roundTripsOf(() =>
      store.append(streamId, [newEvent()], { expectedRevision: 0 }),
    );
    const batch = await roundTripsOf(() => store.append(freshStreamId(), newEvents(100)));
    const concurrent = await roundTripsOf(() =>
      Promise.all(Array.from({ length: 32 }, () => store.append(freshStreamId(), [newEvent()]))),
    );

    expect(single).toEqual([expect.stringContaining("casustafel_append")]);
    expect(batch).toEqual([expect.stringContaining("casustafel_append")]);
    expect(concurrent.length).toBeGreaterThan(0);
    for (const statement of concurrent) expect(statement).toContain("casustafel_append");
    expect(concurrent.length).toBeLessThan(32);
  });

  test("given a group commit with a stale expectation, a stored id and good appends, then only the bad ones fail, in one statement, and every chain verifies", async () => {
    const [stale, taken, good] = [freshStreamId(), freshStreamId(), freshStreamId()];
    const stored = newEvent();
    await store.append(stale, newEvents(3));
    await store.append(taken, [stored]);

    const statements = await roundTripsOf(async () => {
      const outcomes = await Promise.allSettled([
        store.append(stale, [newEvent()], { expectedRevision: 1 }),
        store.append(good, [newEvent(), newEvent()], { expectedRevision: "no_stream" }),
        store.append(taken, [newEvent(), stored]),
        store.append(good, [newEvent()], { expectedRevision: 1 }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        "rejected",
        "fulfilled",
        "rejected",
        "fulfilled",
      ]);
      const reasons = outcomes.map((o) => (o.status === "rejected" ? o.reason : undefined));
      expect(reasons[0]).toBeInstanceOf(WrongExpectedRevisionError);
      expect(reasons[0]).toMatchObject({ expected: 1, actual: 2 });
      expect(reasons[2]).toBeInstanceOf(DuplicateEventIdError);
      expect(reasons[2]).toMatchObject({ eventId: stored.eventId });
    });

    expect(statements).toHaveLength(1);
    for (const streamId of [stale, taken, good]) {
      expect((await verifyStream(store, streamId)).broken).toBeNull();
    }
    expect((await store.readStream(good)).map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(await store.readStream(taken)).toHaveLength(1);
  });

  test("given a group commit with a request PostgreSQL refuses outright (a NUL in its stream id), then only that request fails and the others land", async () => {
    const good = [freshStreamId(), freshStreamId()];

    const outcomes = await Promise.allSettled([
      store.append(good[0]!, [newEvent()]),
      store.append(`${freshStreamId()}\u0000`, [newEvent()]),
      store.append(good[1]!, [newEvent()]),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    for (const streamId of good) expect(await store.readStream(streamId)).toHaveLength(1);
  });

  test("given expectations no revision can meet (1.5, 2^53, -0.5), then each is refused with the stream's revision, and -1 means no stream as before", async () => {
    const streamId = freshStreamId();

    for (const expectedRevision of [1.5, 2 ** 53, -0.5, 2 ** 31]) {
      const error = await store
        .append(streamId, [newEvent()], { expectedRevision })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: expectedRevision, actual: -1 });
    }
    const first = await store.append(streamId, [newEvent()], { expectedRevision: -1 });

    expect(first.nextRevision).toBe(0);
  });
});

describe("the append function hashes what the chain verifies", () => {
  const text = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1 }),
    fc.constantFrom(...BUILTIN_NAMES, "é", "💥", "\\u0000", '"', "\\"),
  );
  const json: fc.Arbitrary<Json> = fc.oneof(
    text,
    fc.string({ unit: "binary" }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
  );
  const data = fc.dictionary(text, json, { maxKeys: 5 }) as fc.Arbitrary<JsonObject>;

  test("for any hostile data, metadata, type and stream id, then every stored event verifies and reads back as sent", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, data, data, async (suffix, type, body, metadata) => {
        const streamId = `${freshStreamId()}-${suffix}`;
        const sentEvent = { ...newEvent(body, type), metadata };

        await store.append(streamId, [newEvent(), sentEvent]);

        const [, stored] = await store.readStream(streamId);
        expect((await verifyStream(store, streamId)).broken).toBeNull();
        expect(stored).toMatchObject({ type, streamId, revision: 1 });
        expect(stored!.data).toEqual(JSON.parse(JSON.stringify(body)));
      }),
      { numRuns: 60 },
    );
  });
});
