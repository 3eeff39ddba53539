import { afterEach, describe, expect, test } from "vitest";
import { noticesIn } from "../../../src/commands/notifications/planner.js";
import { CASE_CONTENT_READ, CASES_CONTENT_READ } from "../../../src/privacy/accessRecords.js";
import { isReadRecordStream } from "../../../src/store/eventStore.js";
import type { RecordedEvent } from "../../../src/store/types.js";
import { openCaseBody } from "../../cluster/support/scenario.js";
import { startTestService, type TestService } from "../support/service.js";
import { ORG, playCase } from "./scenario.js";

// The notification planner pages past the read records (readAllExceptReadRecords): that loses
// nothing only while no read record is a notice. Held here on the service's own log and lookup.

let service: TestService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function wholeLog(running: TestService): Promise<RecordedEvent[]> {
  return running.service.system.store.readAll({ limit: 100_000 });
}

describe("read records and notifications", () => {
  test("Given a case with an invitation, a share and an agreement, and a second case, that every partner then reads, when the notices of the whole log are derived, then they are exactly those of the log past its read records", async () => {
    service = await startTestService("sqlite", { seedDemo: true });
    const { caseId } = await playCase(service);
    // A second case of the school's, so its lists and the chair's show several cases at once.
    const school = await service.token(ORG.school, ["professional"]);
    const second = await service.call(school, "POST", "/v1/cases", openCaseBody(8));
    expect(second.status).toBe(201);
    for (const [org, roles] of [
      [ORG.school, ["professional"]],
      [ORG.wijkteam, ["professional"]],
      [ORG.chair, ["chair"]],
    ] as const) {
      const token = await service.token(org, [...roles]);
      for (const path of [`/v1/cases/${caseId}`, "/v1/cases", "/v1/worklist"]) {
        const response = await service.call(token, "GET", path);
        expect(response.status, path).toBe(200);
      }
    }
    const { lookup } = service.service.system.resources.notifications;

    const log = await wholeLog(service);
    const readRecords = log.filter((event) => isReadRecordStream(event.streamId));
    const rest = await service.service.system.store.readAllExceptReadRecords({ limit: 100_000 });

    expect(new Set(readRecords.map((event) => event.type))).toEqual(
      new Set([CASE_CONTENT_READ, CASES_CONTENT_READ]),
    );
    expect(noticesIn(readRecords, lookup)).toEqual([]);
    const notices = noticesIn(log, lookup);
    expect(notices.map(({ notice }) => notice.type).sort()).toEqual([
      "agreement.made",
      "case.invitation",
      "share.received",
    ]);
    expect(noticesIn(rest, lookup)).toEqual(notices);
  });
});
