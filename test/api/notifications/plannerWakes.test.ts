import { afterAll, expect, test, vi } from "vitest";
import { SqliteEventStore } from "../../../src/store/sqlite/eventStore.js";
import { lawfulShare } from "../../cluster/support/scenario.js";
import { startTestService, type TestService } from "../support/service.js";
import { ORG, playCase } from "./scenario.js";

let service: TestService | undefined;
afterAll(() => service?.close());

const READS = 60;

test("Given a running service, when a professional reads a case 60 times, then the notification planner asks the store for no page of events on their account, and a new share still wakes it", async () => {
  service = await startTestService("sqlite", { seedDemo: true });
  const { caseId } = await playCase(service);
  const wijkteam = await service.token(ORG.wijkteam, ["professional"]);

  let pages = 0;
  const read = SqliteEventStore.prototype.readAllExceptReadRecords;
  const watched = vi
    .spyOn(SqliteEventStore.prototype, "readAllExceptReadRecords")
    .mockImplementation(function (this: SqliteEventStore, options) {
      if (new Error().stack?.includes("notifications/worker")) pages++;
      return read.call(this, options);
    });
  try {
    for (let n = 0; n < READS; n++) {
      const response = await service.call(wijkteam, "GET", `/v1/cases/${caseId}`);
      expect(response.status).toBe(200);
    }
    // Each read committed a read record; a planner rung by each asked once per read. What may
    // remain is its poll (once a second at most).
    expect(pages).toBeLessThanOrEqual(3);

    const school = await service.token(ORG.school, ["professional"]);
    const before = pages;
    const share = await service.call(
      school,
      "POST",
      `/v1/cases/${caseId}/shares`,
      lawfulShare("Verzuim in week 12"),
    );
    expect(share.status, JSON.stringify(share.body)).toBe(201);
    const deadline = Date.now() + 500;
    while (pages === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(pages).toBeGreaterThan(before);
  } finally {
    watched.mockRestore();
  }
}, 60_000);
