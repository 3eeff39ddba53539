import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { z } from "zod";
import {
  IdempotencyKeyReusedError,
  idempotentWrite,
  recordedWrite,
  withRequest,
} from "../../src/commands/idempotentWrite.js";
import { masterKeyFrom } from "../../src/privacy/keys/masterKey.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { freshStreamId, newEvent } from "../store/contract/support.js";
import { tempStorePath } from "../store/sqlite/tempStore.js";

const secret = masterKeyFrom(randomBytes(32)).derive("test ids");
const request = { scope: '["org-school","user-1"]', key: "retry-1234", fingerprint: "f-1" };
const temp = tempStorePath();
const store = openSqliteEventStore(temp.path);
afterAll(async () => {
  await store.close();
  temp.remove();
});

/** Appends the write's events (and one unrelated event after them) as a command would. */
async function appendUnder(write: ReturnType<typeof idempotentWrite>, streamId: string) {
  const events = [0, 1].map((i) => ({
    ...newEvent({ i }),
    eventId: write.eventId(i),
    metadata: withRequest({}, write),
  }));
  await store.append(streamId, [newEvent(), ...events]);
  await store.append(streamId, [newEvent()]);
}

describe("ids derived from an Idempotency-Key", () => {
  test("given the same secret, caller, key and label, then the id is the same UUID every time", () => {
    const first = idempotentWrite(secret, request);
    const again = idempotentWrite(secret, request);

    expect(again.id("caseId")).toBe(first.id("caseId"));
    expect(again.eventId(0)).toBe(first.eventId(0));
    for (const id of [first.id("caseId"), first.eventId(0), first.eventId(7)]) {
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
  });

  test("given another caller, key, label, index or secret, then every id differs", () => {
    const write = idempotentWrite(secret, request);
    const other = masterKeyFrom(randomBytes(32)).derive("test ids");
    const ids = [
      write.id("caseId"),
      write.id("signalId"),
      write.eventId(0),
      write.eventId(1),
      idempotentWrite(secret, { ...request, scope: '["org-school","user-2"]' }).id("caseId"),
      idempotentWrite(secret, { ...request, key: "retry-12345" }).id("caseId"),
      idempotentWrite(other, request).id("caseId"),
    ];

    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("finding what an earlier attempt recorded", () => {
  test("given nothing recorded under the key, then there is nothing to replay", async () => {
    const write = idempotentWrite(secret, { ...request, key: "never-used" });
    expect(await recordedWrite(store, freshStreamId(), write)).toBeUndefined();
  });

  test("given a committed write, then exactly its events come back, in order", async () => {
    const write = idempotentWrite(secret, { ...request, key: "committed-1" });
    const streamId = freshStreamId();
    await appendUnder(write, streamId);

    const found = await recordedWrite(store, streamId, write);

    expect(found?.map((event) => event.eventId)).toEqual([write.eventId(0), write.eventId(1)]);
    expect(found?.map((event) => event.revision)).toEqual([1, 2]);
  });

  test("given the key used for another request or another stream, then it is refused", async () => {
    const write = idempotentWrite(secret, { ...request, key: "committed-2" });
    const streamId = freshStreamId();
    await appendUnder(write, streamId);
    const otherBody = idempotentWrite(secret, {
      ...request,
      key: "committed-2",
      fingerprint: "f-2",
    });

    await expect(recordedWrite(store, streamId, otherBody)).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
    await expect(recordedWrite(store, freshStreamId(), write)).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
  });
});
