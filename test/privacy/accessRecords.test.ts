import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import {
  AccessRecordInvalid,
  accessRecordsFrom,
  accessStreamId,
  CASE_CONTENT_READ,
  CASES_CONTENT_READ,
  recordAccess,
  recordReads,
  recordThemeReads,
} from "../../src/privacy/accessRecords.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { canonicalJson } from "../../src/store/hashChain.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { decorateAppend } from "../../src/store/storeDecorator.js";
import type { JsonObject, NewEvent, RecordedEvent } from "../../src/store/types.js";
import { actor, ORG } from "../domain/fixtures.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";

let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const openStore = () => {
  store = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), "casustafel-access-")), "store.db"));
  return store;
};

const read = (caseId: string) => ({
  actor: actor(ORG.wijkteam, "professional"),
  caseId,
  subjectId: "subj-7",
  covenantId: "cov-regio",
  itemIds: ["header", "share-1"],
  correlationId: "req-42",
  now: "2025-03-11T09:00:00.000Z",
});

describe("recordAccess (rule 8)", () => {
  test("given a read of case content, then a read record with who, what, why and when is appended to access-<caseId>", async () => {
    const store = openStore();
    const caseId = randomUUID();

    const { readId, position } = await recordAccess(store, read(caseId));

    const [stored] = await store.readStream(accessStreamId(caseId));
    expect(stored).toMatchObject({ eventId: readId, type: CASE_CONTENT_READ, position });
    expect(stored?.data).toEqual({
      caseId,
      subjectId: "subj-7",
      covenantId: "cov-regio",
      userId: "user-org-wijkteam-professional",
      organisationId: ORG.wijkteam,
      roles: ["professional"],
      itemIds: ["header", "share-1"],
      purpose: "casusoverleg",
      readAt: "2025-03-11T09:00:00.000Z",
      correlationId: "req-42",
    });
    expect(stored?.metadata).toMatchObject({
      actor: { userId: "user-org-wijkteam-professional", organisationId: ORG.wijkteam },
      correlationId: "req-42",
    });
    expect(accessRecordsFrom(stored!)).toMatchObject([{ readId, purpose: "casusoverleg" }]);
  });

  test("when the append fails (the store is closed), then recordAccess throws, so the read fails", async () => {
    const store = openStore();
    await store.close();

    await expect(recordAccess(store, read(randomUUID()))).rejects.toThrow();
  });

  test("a purpose must be a processing-activity code, never free text; nothing is appended", async () => {
    const store = openStore();
    const caseId = randomUUID();

    await expect(
      recordAccess(store, { ...read(caseId), purpose: "Sam's moeder belde" }),
    ).rejects.toBeInstanceOf(AccessRecordInvalid);
    await expect(recordAccess(store, { ...read(caseId), caseId: "" })).rejects.toBeInstanceOf(
      AccessRecordInvalid,
    );
    expect(await store.readStream(accessStreamId(caseId))).toEqual([]);
  });
});

describe("accessRecordsFrom: reading what is stored, whatever it holds", () => {
  const stored = (type: string, data: JsonObject): RecordedEvent => ({
    eventId: "read-1",
    streamId: "access-org-x",
    revision: 0,
    position: 1n,
    type,
    schemaVersion: 1,
    recordedAt: "2025-03-11T09:00:00.000Z",
    data,
    metadata: {},
    prevHash: "0",
    hash: "1",
  });
  const hostile = fc.oneof(fc.jsonValue(), fc.constantFrom(...BUILTIN_NAMES), fc.constant(null));

  test("any stored data decodes to records of strings and lists of strings, and never throws", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CASE_CONTENT_READ, CASES_CONTENT_READ),
        fc.dictionary(
          fc.constantFrom(...BUILTIN_NAMES, "cases", "caseId", "itemIds", "roles"),
          hostile,
        ),
        fc.array(fc.dictionary(fc.constantFrom(...BUILTIN_NAMES, "caseId", "itemIds"), hostile)),
        (type, data, cases) => {
          const records = accessRecordsFrom(stored(type, { ...data, cases } as JsonObject));
          for (const record of records) {
            expect(typeof record.caseId).toBe("string");
            expect(record.itemIds.every((id) => typeof id === "string")).toBe(true);
            expect(record.roles.every((role) => typeof role === "string")).toBe(true);
          }
          expect(records.length).toBe(type === CASE_CONTENT_READ ? 1 : cases.length);
        },
      ),
    );
  });

  test("given reads of one case and of several, when they are recorded, then their data and metadata are appended in the hash chain's canonical key order", async () => {
    // As appended, not as read back: the store keeps canonical text whatever it is given, but
    // members out of order would be copied on every append to be hashed and stored.
    const store = openStore();
    const appended: NewEvent[] = [];
    const recording = decorateAppend(store, (streamId, events, options) => {
      appended.push(...events);
      return store.append(streamId, events, options);
    });
    await recordReads(recording, read("case-1"), [read("case-1")]);
    await recordReads(recording, read("case-1"), [read("case-1"), read("case-2")]);
    expect(appended.map((event) => event.type)).toEqual([CASE_CONTENT_READ, CASES_CONTENT_READ]);
    for (const { data, metadata } of appended) {
      expect(JSON.stringify(data)).toBe(canonicalJson(data));
      expect(JSON.stringify(metadata)).toBe(canonicalJson(metadata as JsonObject));
    }
  });

  test("given an event of another type, then it holds no read record", () => {
    expect(accessRecordsFrom(stored("SignalRaised", { caseId: "c", itemIds: ["x"] }))).toEqual([]);
  });
});

describe("read records and the store's feed past them", () => {
  test("given a case event and every kind of read record the recorder writes, when the store pages past read records, then only the case event comes back", async () => {
    const store = openStore();
    const [first, second] = [randomUUID(), randomUUID()];
    await store.append(`case-${first}`, [
      { eventId: randomUUID(), type: "CaseOpened", data: { caseId: first } },
    ]);
    await recordAccess(store, read(first));
    await recordReads(store, read(first), [read(first), read(second)]);
    await recordThemeReads(store, read(first), [
      { themeId: "theme-1", covenantId: "cov-regio", itemIds: ["theme:theme-1"] },
    ]);

    const feed = await store.readAllExceptReadRecords();

    expect((await store.readAll()).map((e) => e.type)).toEqual([
      "CaseOpened",
      CASE_CONTENT_READ,
      CASES_CONTENT_READ,
      "ThemesContentRead",
    ]);
    expect(feed.map((e) => e.streamId)).toEqual([`case-${first}`]);
  });
});
