import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ERASED } from "../../../src/privacy/codec/fieldCodec.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import { verifyStream } from "../../../src/store/hashChain.js";
import {
  openPostgresEventStore,
  type PostgresEventStore,
} from "../../../src/store/postgres/index.js";
import { openSqliteDatabase, SqliteEventStore } from "../../../src/store/sqlite/index.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { databaseFilesHolding, sqliteFilesHolding } from "../keys/rawFiles.js";
import { type codecOver, postgresCodec, signalRaised, sqliteCodec } from "./fixtures.js";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

type Scan = (bytes: Uint8Array) => Promise<string[]>;

interface Setup {
  store: EventStore;
  codec: ReturnType<typeof codecOver>;
  scan: Scan;
  wrappedKeyOf: (subjectId: string) => Promise<Buffer>;
}

async function sqliteSetup(): Promise<Setup> {
  const path = join(mkdtempSync(join(tmpdir(), "casustafel-erasure-")), "store.db");
  const db = openSqliteDatabase(path);
  const store = new SqliteEventStore(db, { ownsDatabase: true });
  closers.push(() => store.close());
  const codec = sqliteCodec(db);
  const select = db.prepare("SELECT wrapped FROM subject_keys WHERE subject_id = ?");
  return {
    store,
    codec,
    scan: async (bytes) => sqliteFilesHolding(path, bytes),
    wrappedKeyOf: async (subjectId) => (select.get(subjectId) as { wrapped: Buffer }).wrapped,
  };
}

async function postgresSetup(): Promise<Setup> {
  const store: PostgresEventStore = await openPostgresEventStore(await freshDatabaseUrl());
  closers.push(() => store.close());
  return {
    store,
    codec: postgresCodec(store.pool),
    scan: (bytes) => databaseFilesHolding(store.pool, bytes),
    wrappedKeyOf: async (subjectId) => {
      const query = "SELECT wrapped FROM subject_keys WHERE subject_id = $1";
      return (await store.pool.query(query, [subjectId])).rows[0].wrapped;
    },
  };
}

describe.each([
  ["SQLite", sqliteSetup],
  ["PostgreSQL", postgresSetup],
])("erasure through the %s event store, keys in the same database", (_, setup) => {
  test("no plaintext at rest; after erasure no wrapped key, fields read [erased], the chain verifies", async () => {
    // Given a subject's signal appended through the codec
    const { store, codec, scan, wrappedKeyOf } = await setup();
    const streamId = `case-${randomUUID()}`;
    const event = signalRaised();
    const subjectId = event.data.subjectId as string;
    const data = await codec.codec.encode(streamId, event);
    await store.append(streamId, [{ eventId: randomUUID(), type: event.type, data }]);
    await store.append(streamId, [
      { eventId: randomUUID(), type: "SubjectErased", data: { subjectId } },
    ]);
    const rawKey = (await codec.keys.getOrCreate(subjectId)).key.export();
    const wrapped = await wrappedKeyOf(subjectId);
    const [stored] = await store.readStream(streamId, { limit: 1 });
    expect((await codec.codec.decode(streamId, stored!.type, stored!.data)).content).toBe(
      event.data.content,
    );
    for (const text of ["Jannigje", "elke maandag"]) {
      expect(await scan(Buffer.from(text))).toEqual([]);
    }
    expect(await scan(rawKey)).toEqual([]);
    expect(await scan(wrapped)).not.toEqual([]);

    // When the subject is erased
    await codec.keys.delete(subjectId);

    // Then the wrapped key is on no byte of the database, its fields read [erased], the
    // accountability data stays, and the chain still verifies
    expect(await scan(wrapped)).toEqual([]);
    const decoded = await codec.codec.decode(streamId, stored!.type, stored!.data);
    expect(decoded).toMatchObject({ signalCategory: "verzuim", content: ERASED });
    expect((await verifyStream(store, streamId)).broken).toBeNull();
  });
});
