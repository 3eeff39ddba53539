import { afterAll, expect, test } from "vitest";
import { lawfulShare } from "../../cluster/support/scenario.js";
import { startTestService, type TestService } from "../support/service.js";
import { eventually, ORG, playCase, watchPlannerPages } from "./scenario.js";

let service: TestService | undefined;
afterAll(() => service?.close());

const READS = 60;

test("Given a running service, when a professional reads a case 60 times, then the notification planner asks the store for no page of events on their account, and a new share still wakes it", async () => {
  service = await startTestService("sqlite", { seedDemo: true });
  const { caseId } = await playCase(service);
  const wijkteam = await service.token(ORG.wijkteam, ["professional"]);

  let pages = 0;
  const watched = watchPlannerPages(() => pages++);
  // Resolves once the planner has asked for a page after the `seen`th; fails after `withinMs`.
  const pageAfter = (seen: number, withinMs: number) =>
    eventually(
      async () => pages,
      (asked) => asked > seen,
      withinMs,
    );
  try {
    const reading = Date.now();
    for (let n = 0; n < READS; n++) {
      const response = await service.call(wijkteam, "GET", `/v1/cases/${caseId}`);
      expect(response.status).toBe(200);
    }
    // Each read committed a read record; a planner rung by each asked once per read. What may
    // remain is its poll, at most once a second.
    expect(pages).toBeLessThanOrEqual(Math.ceil((Date.now() - reading) / 1_000) + 1);

    // Right after a poll the next is a second away: a page within a few hundred milliseconds
    // of the share is the share's own ring.
    await pageAfter(pages, 2_000);
    const school = await service.token(ORG.school, ["professional"]);
    const before = pages;
    const share = await service.call(
      school,
      "POST",
      `/v1/cases/${caseId}/shares`,
      lawfulShare("Verzuim in week 12"),
    );
    expect(share.status, JSON.stringify(share.body)).toBe(201);
    await pageAfter(before, 400);
  } finally {
    watched.mockRestore();
  }
}, 60_000);
