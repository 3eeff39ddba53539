import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { FieldAuthenticationError } from "../../../src/privacy/codec/errors.js";
import { ERASED } from "../../../src/privacy/codec/fieldCodec.js";
import { offThreadReady } from "../../../src/privacy/codec/offThread.js";
import { openStoreFile } from "../keys/rawFiles.js";
import { signalRaised, sqliteCodec } from "./fixtures.js";

// Until the worker has started the codec decrypts inline; these cases are about the worker.
async function workerStarted(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!offThreadReady()) {
    if (Date.now() > deadline) throw new Error("decrypt worker did not start");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("a batch decrypted in the worker reads as decodeWith reads it, event by event", async () => {
  // Given a readable event, an envelope moved to another stream, an erased subject's event and one without personal fields
  const { codec, keys: keyStore } = sqliteCodec(openStoreFile().db);
  const [home, elsewhere] = [`case-${randomUUID()}`, `case-${randomUUID()}`];
  const readable = signalRaised();
  const erasedSubject = signalRaised();
  const stored = await codec.encode(home, readable);
  const erased = await codec.encode(home, erasedSubject);
  await keyStore.delete(erasedSubject.data.subjectId as string);
  const plain = { subjectId: randomUUID(), signalCategory: "verzuim" };
  const events = [
    { streamId: home, type: readable.type, data: stored },
    { streamId: elsewhere, type: readable.type, data: stored },
    { streamId: home, type: erasedSubject.type, data: erased },
    { streamId: home, type: "SignalClosed", data: plain },
  ];
  await workerStarted();

  // When the batch is decoded off the main thread
  const decoded = await codec.decodeManyWith(await codec.keysFor(events), events);

  // Then each event reads as it did when written, fails authentication, reads ERASED, or is untouched
  expect(decoded[0]).toEqual(readable.data);
  expect(decoded[1]).toBeInstanceOf(FieldAuthenticationError);
  expect(decoded[2]).toMatchObject({ content: ERASED, subject: { name: ERASED } });
  expect(decoded[3]).toBe(plain);
});
