import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { Envelope } from "../../../src/privacy/codec/envelope.js";
import {
  FieldAuthenticationError,
  KeyNotLoadedError,
  MissingSubjectError,
} from "../../../src/privacy/codec/errors.js";
import { ERASED } from "../../../src/privacy/codec/fieldCodec.js";
import type { JsonObject } from "../../../src/store/types.js";
import { openStoreFile } from "../keys/rawFiles.js";
import { signalRaised, sqliteCodec } from "./fixtures.js";

const streamId = () => `case-${randomUUID()}`;
const freshCodec = () => sqliteCodec(openStoreFile().db);

function envelopeAt(data: JsonObject, ...path: string[]): Envelope {
  let value: unknown = data;
  for (const segment of path) value = (value as Record<string, unknown>)[segment];
  return value as Envelope;
}

describe("encoding and decoding personal fields", () => {
  test("every declared field is an envelope in the store and comes back as it was", async () => {
    const { codec } = freshCodec();
    const stream = streamId();
    const event = signalRaised();
    const original = structuredClone(event.data);

    const stored = await codec.encode(stream, event);

    expect(event.data).toEqual(original);
    expect(stored.signalCategory).toBe("verzuim");
    expect((stored.subject as JsonObject).school).toBe("brin-12AB");
    expect(envelopeAt(stored, "subject", "name")).toMatchObject({ $enc: "v1" });
    expect(envelopeAt(stored, "content").$enc).toBe("v1");
    expect(JSON.stringify(stored)).not.toContain("Jannigje");
    expect(await codec.decode(stream, event.type, stored)).toEqual(original);
  });

  test("non-string values are restored; null and absent fields are left alone", async () => {
    const { codec } = freshCodec();
    const stream = streamId();
    const contact = {
      subjectId: randomUUID(),
      contact: { name: { given: "Ayla", family: "Yilmaz" }, phones: ["06-12345678", 31201234567] },
    };
    const withoutName = { subjectId: randomUUID(), contact: { name: null } };

    const stored = await codec.encode(stream, { type: "ContactAdded", data: contact });
    const storedWithout = await codec.encode(stream, { type: "ContactAdded", data: withoutName });

    expect(envelopeAt(stored, "contact", "phones")).toMatchObject({ $enc: "v1", json: true });
    expect(await codec.decode(stream, "ContactAdded", stored)).toEqual(contact);
    expect(storedWithout).toEqual(withoutName);
  });

  test("an event with personal fields but no subject is refused", async () => {
    const { codec } = freshCodec();
    const { data } = signalRaised();
    delete data.subjectId;
    await expect(codec.encode(streamId(), { type: "SignalRaised", data })).rejects.toThrow(
      MissingSubjectError,
    );
  });

  test("the same value encrypts differently each time (random IV)", async () => {
    const { codec } = freshCodec();
    const event = signalRaised();
    const [a, b] = [await codec.encode("case-1", event), await codec.encode("case-1", event)];
    expect(envelopeAt(a, "content").ct).not.toBe(envelopeAt(b, "content").ct);
    expect(envelopeAt(a, "content").iv).not.toBe(envelopeAt(b, "content").iv);
  });
});

describe("a failed authentication is an error, never a skip", () => {
  async function storedSignal() {
    const { codec } = freshCodec();
    const stream = streamId();
    const stored = await codec.encode(stream, signalRaised());
    return { codec, stream, stored };
  }

  const alter = (data: JsonObject, change: (content: Envelope) => void): JsonObject => {
    const copy = structuredClone(data);
    change(envelopeAt(copy, "content"));
    return copy;
  };

  test("altered ciphertext, IV, tag or key id", async () => {
    const { codec, stream, stored } = await storedSignal();
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, "base64");
      bytes[0]! ^= 1;
      return bytes.toString("base64");
    };
    const alterations: ((content: Envelope) => void)[] = [
      (content) => {
        content.ct = flip(content.ct);
      },
      (content) => {
        content.iv = flip(content.iv);
      },
      (content) => {
        content.tag = flip(content.tag);
      },
      (content) => {
        content.tag = Buffer.from(content.tag, "base64").subarray(0, 12).toString("base64");
      },
      (content) => {
        content.kid = randomUUID();
      },
      (content) => {
        content.json = true;
      },
    ];
    for (const change of alterations) {
      await expect(codec.decode(stream, "SignalRaised", alter(stored, change))).rejects.toThrow(
        FieldAuthenticationError,
      );
    }
  });

  test("a ciphertext moved to another stream, event type or field", async () => {
    const { codec, stream, stored } = await storedSignal();
    const moved = structuredClone(stored);
    moved.content = (stored.subject as JsonObject).name!;

    await expect(codec.decode(streamId(), "SignalRaised", stored)).rejects.toThrow(
      FieldAuthenticationError,
    );
    await expect(codec.decode(stream, "SignalRaised", moved)).rejects.toThrow(
      FieldAuthenticationError,
    );
    const asContact: JsonObject = {
      subjectId: stored.subjectId!,
      contact: { name: stored.content! },
    };
    await expect(codec.decode(stream, "ContactAdded", asContact)).rejects.toThrow(
      FieldAuthenticationError,
    );
  });

  test("the error names the place, never the content", async () => {
    const { codec, stored } = await storedSignal();
    const error = await codec
      .decode(streamId(), "SignalRaised", stored)
      .catch((caught: unknown) => caught as FieldAuthenticationError);
    expect(error).toMatchObject({
      code: "field_authentication_failed",
      eventType: "SignalRaised",
      field: "subject.name",
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/Jannigje|maandag/);
  });
});

describe("crypto-shredding", () => {
  test("after the subject is erased its fields read [erased], its other data stays", async () => {
    const { codec, keys } = freshCodec();
    const stream = streamId();
    const event = signalRaised();
    const stored = await codec.encode(stream, event);

    await keys.delete(event.data.subjectId as string);

    const decoded = await codec.decode(stream, event.type, stored);
    expect(decoded).toMatchObject({
      signalCategory: "verzuim",
      subject: { name: ERASED, dateOfBirth: ERASED, school: "brin-12AB" },
      content: ERASED,
    });
    await expect(codec.encode(stream, event)).rejects.toThrow("erased");
  });

  test("another process reads [erased] once it forgets the key", async () => {
    const { db } = openStoreFile();
    const writer = sqliteCodec(db);
    const reader = sqliteCodec(db);
    const stream = streamId();
    const event = signalRaised();
    const stored = await writer.codec.encode(stream, event);
    expect((await reader.codec.decode(stream, event.type, stored)).content).toBe(
      event.data.content,
    );

    await writer.keys.delete(event.data.subjectId as string);
    reader.keys.forget(event.data.subjectId as string);

    expect((await reader.codec.decode(stream, event.type, stored)).content).toBe(ERASED);
  });
});

describe("batch decoding for projections", () => {
  test("keysFor loads the keys of a batch; decodeWith then decrypts synchronously", async () => {
    const { codec } = freshCodec();
    const stream = streamId();
    const events = [signalRaised(), signalRaised(), signalRaised()];
    const stored = [];
    for (const event of events)
      stored.push({ type: event.type, data: await codec.encode(stream, event) });
    const unencrypted = { type: "SubjectErased", data: { subjectId: randomUUID() } };

    const ring = await codec.keysFor([...stored, unencrypted]);

    expect(ring.size).toBe(3);
    expect(stored.map((event) => codec.decodeWith(ring, stream, event.type, event.data))).toEqual(
      events.map((event) => event.data),
    );
    expect(codec.decodeWith(ring, stream, unencrypted.type, unencrypted.data)).toBe(
      unencrypted.data,
    );
  });

  test("decodeWith refuses a ring that lacks the event's subject", async () => {
    const { codec } = freshCodec();
    const stored = await codec.encode("case-1", signalRaised());
    expect(() => codec.decodeWith(new Map(), "case-1", "SignalRaised", stored)).toThrow(
      KeyNotLoadedError,
    );
  });
});
