import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { accessStreamId, storeAccessRecorder } from "../../src/privacy/accessRecords.js";
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
  test("given two cases seen, when read, then each has its record before the presenter runs", async () => {
    const store = openStore();
    const [first, second] = [randomUUID(), randomUUID()];
    const recordsWhenPresented: number[] = [];

    const answer = await recordedRead(
      storeAccessRecorder(store),
      reading,
      [seen(first, [`case:${first}`]), seen(second, [`agreement:${second}`])],
      async () => {
        for (const caseId of [first, second]) {
          recordsWhenPresented.push((await store.readStream(accessStreamId(caseId))).length);
        }
        return "presented";
      },
    );

    expect(answer).toBe("presented");
    expect(recordsWhenPresented).toEqual([1, 1]);
    const [record] = await store.readStream(accessStreamId(second));
    expect(record?.data).toMatchObject({
      itemIds: [`agreement:${second}`],
      purpose: "casusoverleg",
      organisationId: ORG.wijkteam,
      readAt: reading.now,
    });
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
