import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runRetention } from "../../../src/commands/retention/job.js";
import { type CaseApi, eraseSubjectOfCase, ORG, startCaseApi } from "./support/caseApi.js";
import type { CaseIds } from "./support/samples.js";
import { lawfulShare, populatedCase, type Tokens, tokensFor } from "./support/scenario.js";

// A young person erased on request while a case about them is still open: nothing new can be
// written about them (the key is gone), 409 naming the rule and never a 500; the case can
// still be wound down and closed, so retention finishes.

let api: CaseApi;
let tokens: Tokens;
let ids: CaseIds;
let subjectId: string;
let erasedPosition: string;
beforeAll(async () => {
  api = await startCaseApi("sqlite");
  tokens = await tokensFor(api);
  ids = await populatedCase(api, tokens);
  const [opened] = await api.caseEvents(ids.caseId);
  subjectId = String(opened?.data.subjectId);
  const erased = await eraseSubjectOfCase(api.system, subjectId, ids.caseId);
  expect(erased.events.map((event) => event.type)).toEqual(["SubjectErased"]);
  erasedPosition = String(erased.position);
});
afterAll(() => api?.close());

const on = (path: string) => `/v1/cases/${ids.caseId}${path}`;

describe("given a case whose young person was erased on request", () => {
  const writes: [string, string, () => string, () => unknown][] = [
    [
      "POST",
      "/signals",
      () => tokens.school,
      () => ({
        category: "verzuim",
        level: "preventie",
        urgency: "low",
        description: "Weer afwezig.",
      }),
    ],
    [
      "POST",
      "/invitations",
      () => tokens.chair,
      () => ({ organisationId: ORG.police, message: "Graag" }),
    ],
    ["POST", "/shares", () => tokens.school, () => lawfulShare()],
    [
      "POST",
      `/shares/{shareId}/corrections`,
      () => tokens.school,
      () => ({ content: "Anders.", reason: "Fout" }),
    ],
    [
      "POST",
      "/meetings",
      () => tokens.chair,
      () => ({ scheduledFor: "2030-01-01T10:00:00Z", agenda: "Overleg" }),
    ],
    [
      "POST",
      "/agreements",
      () => tokens.chair,
      () => ({
        what: "Huisbezoek",
        ownerOrganisationId: ORG.wijkteam,
        owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
        dueDate: "2030-02-01",
      }),
    ],
    [
      "POST",
      "/agreements/{agreementId}/progress-notes",
      () => tokens.wijkteam,
      () => ({ note: "Moeder gebeld" }),
    ],
    [
      "POST",
      "/agreements/{agreementId}/due-date-changes",
      () => tokens.wijkteam,
      () => ({ dueDate: "2030-03-01", reason: "Later" }),
    ],
  ];

  test.each(writes)(
    "when %s %s would record something about them, then 409 subject-erased and nothing is written",
    async (method, path, token, body) => {
      const before = (await api.caseEvents(ids.caseId)).length;
      const named = path
        .replace("{shareId}", ids.shareId)
        .replace("{agreementId}", ids.agreementId);
      const response = await api.call(method, on(named), {
        token: token(),
        body: body(),
      });
      expect(response.status).toBe(409);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: "https://casustafel.example/problems/state-conflict",
        rule: "subject-erased",
      });
      expect(await api.caseEvents(ids.caseId)).toHaveLength(before);
    },
  );

  test("when the owner and the chair list open agreements, then the erased young person's agreement is in none", async () => {
    for (const token of [tokens.wijkteam, tokens.chair]) {
      const headers = { "min-position": erasedPosition };
      const due = await api.call("GET", "/v1/agreements", { token, headers });
      expect(due.status).toBe(200);
      const listed = due.body.agreements.map((a: { agreementId: string }) => a.agreementId);
      expect(listed).not.toContain(ids.agreementId);
      const cases = await api.call("GET", "/v1/cases", { token, headers });
      const row = cases.body.cases.find((c: { caseId: string }) => c.caseId === ids.caseId);
      expect(row).toMatchObject({ openAgreements: 0, overdueAgreements: 0 });
    }
  });

  test("when the chair winds the case down and closes it, then it closes and retention completes", async () => {
    const completed = await api.call("POST", on(`/agreements/${ids.agreementId}/completion`), {
      token: tokens.wijkteam,
    });
    expect(completed.status).toBe(201);
    const revoked = await api.call("DELETE", on(`/shares/${ids.shareId}`), {
      token: tokens.school,
    });
    expect(revoked.status).toBe(200);
    const closed = await api.call("POST", on("/closure"), {
      token: tokens.chair,
      body: { outcome: "stopped", reason: "De jongere vroeg om verwijdering." },
    });
    expect(closed.status).toBe(201);
    const events = await api.caseEvents(ids.caseId);
    const closure = events.at(-1)!;
    expect(closure.type).toBe("CaseClosed");
    // The reason is personal text about an erased young person: it is not recorded.
    expect(closure.data.reason).toBeNull();
    expect(JSON.stringify(closure.data)).not.toContain("verwijdering");

    const retention = await runRetention(
      api.system.resources.commands,
      new Date(Date.parse(String(closure.data.retentionUntil)) + 1).toISOString(),
    );
    expect(retention.failures).toEqual([]);
    expect(retention.subjectsHeld).toBe(0);
  });

  test("when the chair tries to reopen it, then 409 subject-erased", async () => {
    const response = await api.call("POST", on("/reopening"), {
      token: tokens.chair,
      body: { reason: "Nieuwe zorg" },
    });
    expect(response.status).toBe(409);
    expect(response.body.rule).toBe("subject-erased");
  });

  test("then the service has logged no unhandled error", () => {
    expect(api.logs.filter((line) => line.includes("unhandled error"))).toEqual([]);
  });
});
