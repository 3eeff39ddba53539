import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { SealedFields } from "../../../src/privacy/codec/envelope.js";
import {
  FieldAuthenticationError,
  KeyNotLoadedError,
  MissingSubjectError,
} from "../../../src/privacy/codec/errors.js";
import { ERASED, MARKER, PERSONAL } from "../../../src/privacy/codec/fieldCodec.js";
import type { JsonObject } from "../../../src/store/types.js";
import { openStoreFile } from "../keys/rawFiles.js";
import { signalRaised, sqliteCodec } from "./fixtures.js";

const streamId = () => `case-${randomUUID()}`;
const freshCodec = () => sqliteCodec(openStoreFile().db);

function sealedIn(data: JsonObject): SealedFields {
  return data[PERSONAL] as unknown as SealedFields;
}

describe("encoding and decoding personal fields", () => {
  test("every declared field is sealed in one envelope in the store and comes back as it was", async () => {
    const { codec } = freshCodec();
    const stream = streamId();
    const event = signalRaised();
    const original = structuredClone(event.data);

    const stored = await codec.encode(stream, event);

    expect(event.data).toEqual(original);
    expect(stored.signalCategory).toBe("verzuim");
    expect(stored.subject).toEqual({ name: MARKER, dateOfBirth: MARKER, school: "brin-12AB" });
    expect(stored.content).toEqual(MARKER);
    expect(sealedIn(stored)).toMatchObject({
      $enc: "v2",
      fields: ["content", "subject.dateOfBirth", "subject.name"],
    });
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
    const phonesOnly = { subjectId: randomUUID(), contact: { name: null, phones: ["06-1"] } };
    const withoutName = { subjectId: randomUUID(), contact: { name: null } };

    const stored = await codec.encode(stream, { type: "ContactAdded", data: contact });
    const storedPhones = await codec.encode(stream, { type: "ContactAdded", data: phonesOnly });
    const storedWithout = await codec.encode(stream, { type: "ContactAdded", data: withoutName });

    expect(await codec.decode(stream, "ContactAdded", stored)).toEqual(contact);
    expect(sealedIn(storedPhones).fields).toEqual(["contact.phones"]);
    expect(storedPhones.contact).toEqual({ name: null, phones: MARKER });
    expect(await codec.decode(stream, "ContactAdded", storedPhones)).toEqual(phonesOnly);
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

  test("the same values encrypt differently each time (random IV)", async () => {
    const { codec } = freshCodec();
    const event = signalRaised();
    const [a, b] = [await codec.encode("case-1", event), await codec.encode("case-1", event)];
    const iv = (data: JsonObject) => Buffer.from(sealedIn(data).box, "base64").subarray(0, 12);
    expect(sealedIn(a).box).not.toBe(sealedIn(b).box);
    expect(iv(a).equals(iv(b))).toBe(false);
  });
});

describe("a failed authentication is an error, never a skip", () => {
  async function storedSignal() {
    const { codec } = freshCodec();
    const stream = streamId();
    const stored = await codec.encode(stream, signalRaised());
    return { codec, stream, stored };
  }

  const alter = (data: JsonObject, change: (sealed: SealedFields) => void): JsonObject => {
    const copy = structuredClone(data);
    change(sealedIn(copy));
    return copy;
  };

  test("altered IV, tag, ciphertext, key id or field list", async () => {
    const { codec, stream, stored } = await storedSignal();
    // The box is IV (bytes 0-11) ‖ tag (12-27) ‖ ciphertext.
    const flipAt = (index: number) => (sealed: SealedFields) => {
      const bytes = Buffer.from(sealed.box, "base64");
      bytes[index]! ^= 1;
      sealed.box = bytes.toString("base64");
    };
    const alterations: ((sealed: SealedFields) => void)[] = [
      flipAt(0),
      flipAt(12),
      flipAt(30),
      (sealed) => {
        sealed.box = Buffer.from(sealed.box, "base64").subarray(0, 27).toString("base64");
      },
      (sealed) => {
        sealed.kid = randomUUID();
      },
      (sealed) => {
        sealed.fields = [...sealed.fields].reverse();
      },
      (sealed) => {
        sealed.fields = sealed.fields.slice(1);
      },
      (sealed) => {
        sealed.fields = [...sealed.fields, "signalCategory"];
      },
    ];
    for (const change of alterations) {
      await expect(codec.decode(stream, "SignalRaised", alter(stored, change))).rejects.toThrow(
        FieldAuthenticationError,
      );
    }
    const notAnEnvelope = { ...stored, [PERSONAL]: "opaque" };
    await expect(codec.decode(stream, "SignalRaised", notAnEnvelope)).rejects.toThrow(
      FieldAuthenticationError,
    );
  });

  test("sealed fields moved to another stream or event type", async () => {
    const { codec, stream, stored } = await storedSignal();
    const asContact: JsonObject = {
      subjectId: stored.subjectId!,
      contact: { name: MARKER, phones: MARKER },
      [PERSONAL]: stored[PERSONAL]!,
    };

    await expect(codec.decode(streamId(), "SignalRaised", stored)).rejects.toThrow(
      FieldAuthenticationError,
    );
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
      fields: ["content", "subject.dateOfBirth", "subject.name"],
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
    expect(decoded).not.toHaveProperty(PERSONAL);
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
