import { afterEach, describe, expect, test } from "vitest";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";
import { decorateAppend } from "../../src/store/storeDecorator.js";
import { freshStreamId, newEvents } from "./contract/support.js";
import { tempStorePath } from "./sqlite/tempStore.js";

let store: SqliteEventStore;
let remove: () => void;

afterEach(async () => {
  await store.close();
  remove();
});

function openStore(): SqliteEventStore {
  const temp = tempStorePath();
  remove = temp.remove;
  store = openSqliteEventStore(temp.path);
  return store;
}

describe("a store decorated around its append", () => {
  test("given a decorated store, when events are appended and read, then appends go through the decorator and reads are the store's own", async () => {
    const raw = openStore();
    const appended: string[] = [];
    const decorated = decorateAppend(raw, (streamId, events, options) => {
      appended.push(streamId);
      return raw.append(streamId, events, options);
    });
    const streamId = freshStreamId();
    await decorated.append(streamId, newEvents(3));
    expect(appended).toEqual([streamId]);
    expect((await decorated.readStream(streamId)).map((event) => event.revision)).toEqual([
      0, 1, 2,
    ]);
  });

  test("given a decorated store, then each method is bound once to the store and kept", async () => {
    const raw = openStore();
    const decorated = decorateAppend(raw, raw.append.bind(raw));
    expect(decorated.readStream).toBe(decorated.readStream);
    const { readStream } = decorated;
    await expect(readStream(freshStreamId())).resolves.toEqual([]);
  });

  test("given a method of the store replaced after the decorator was made, then the decorated store calls the replacement", async () => {
    const raw = openStore();
    const decorated = decorateAppend(raw, raw.append.bind(raw));
    const before = decorated.readStream;
    const asked: string[] = [];
    const original = raw.readStream.bind(raw);
    raw.readStream = (streamId, options) => {
      asked.push(streamId);
      return original(streamId, options);
    };
    const streamId = freshStreamId();
    await decorated.readStream(streamId);
    expect(asked).toEqual([streamId]);
    expect(decorated.readStream).not.toBe(before);
  });
});
