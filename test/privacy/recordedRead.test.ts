import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  type AccessRecord,
  accessRecordsFrom,
  accessStreamId,
  readerAccessStreamId,
  storeAccessRecorder,
} from "../../src/privacy/accessRecords.js";
import { recordedRead } from "../../src/privacy/recordedRead.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { actor, ORG } from "../domain/fixtures.js";

let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const openStore = () => {
  store = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), "casustafel-read-")), "store.db"));
  return store;
};

const reading = {
  actor: actor(ORG.wijkteam, "professional"),
  purpose: "casusoverleg",
  correlationId: "req-7",
  now: "2025-03-11T09:00:00.000Z",
};
const seen = (caseId: string, itemIds: string[]) => ({
  caseId,
  subjectId: "subj-7",
  covenantId: "cov-regio",
  itemIds,
});

describe("the recorded read (rule 8)", () => {
  test("given two cases seen, when read, then one append puts both records on file before the presenter runs", async () => {
    const store = openStore();
    const [first, second] = [randomUUID(), randomUUID()];
    const recordsWhenPresented: AccessRecord[] = [];
    const readerStream = readerAccessStreamId(ORG.wijkteam);

    const answer = await recordedRead(
      storeAccessRecorder(store),
      reading,
      [seen(first, [`case:${first}`]), seen(second, [`agreement:${second}`])],
      async () => {
        const events = await store.readStream(readerStream);
        recordsWhenPresented.push(...events.flatMap(accessRecordsFrom));
        return "presented";
      },
    );

    expect(answer).toBe("presented");
    expect(await store.readStream(readerStream)).toHaveLength(1);
    expect(recordsWhenPresented.map((record) => [record.caseId, record.itemIds])).toEqual([
      [first, [`case:${first}`]],
      [second, [`agreement:${second}`]],
    ]);
    expect(recordsWhenPresented[1]).toMatchObject({
      subjectId: "subj-7",
      purpose: "casusoverleg",
      organisationId: ORG.wijkteam,
      correlationId: "req-7",
      readAt: reading.now,
    });
    expect(new Set(recordsWhenPresented.map((record) => record.readId)).size).toBe(2);
  });

  test("given one case seen, when read, then its record is in that case's access stream", async () => {
    const store = openStore();
    const caseId = randomUUID();

    await recordedRead(
      storeAccessRecorder(store),
      reading,
      [seen(caseId, [`case:${caseId}`])],
      () => "ok",
    );

    const [event] = await store.readStream(accessStreamId(caseId));
    expect(accessRecordsFrom(event!)).toMatchObject([{ caseId, itemIds: [`case:${caseId}`] }]);
  });

  test("given nothing seen, when read, then nothing is appended and the answer is presented", async () => {
    const store = openStore();

    const answer = await recordedRead(storeAccessRecorder(store), reading, [], () => "empty");

    expect(answer).toBe("empty");
    expect(await store.readAll()).toEqual([]);
  });

  test("when a record cannot be appended, then the read fails and nothing is presented", async () => {
    const store = openStore();
    await store.close();
    let presented = false;

    const caseId = randomUUID();
    const read = recordedRead(
      storeAccessRecorder(store),
      reading,
      [seen(caseId, [`case:${caseId}`])],
      () => {
        presented = true;
      },
    );

    await expect(read).rejects.toThrow(/not open|closed/i);
    expect(presented).toBe(false);
  });
});
