import { describe, expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import { caseApiForFile, populatedCase } from "./support/scenario.js";

// The follow-up of an agreement over HTTP on the real SQLite store: the named owner, a moved
// due date, progress notes and the completion note all come back in the case view.

const given = caseApiForFile("sqlite");

const agreementIn = async (
  caseId: string,
  agreementId: string,
  token: string,
  position: string,
) => {
  const read = await given.api.call("GET", `/v1/cases/${caseId}`, {
    token,
    headers: { "min-position": position },
  });
  expect(read.status).toBe(200);
  return read.body.agreements.find((a: { agreementId: string }) => a.agreementId === agreementId);
};

describe("given an agreement owned by the wijkteam", () => {
  test("when the owner moves the due date, notes progress and completes it with a note, then every partner reads all of it", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const on = (path: string) => `/v1/cases/${ids.caseId}/agreements/${ids.agreementId}${path}`;
    const moved = await given.api.call("POST", on("/due-date-changes"), {
      token: given.tokens.wijkteam,
      body: { dueDate: "2030-03-01", reason: "Moeder pas in maart bereikbaar" },
    });
    expect(moved.status).toBe(201);
    const noted = await given.api.call("POST", on("/progress-notes"), {
      token: given.tokens.wijkteam,
      body: { note: "Eerste gesprek gevoerd" },
    });
    expect(noted.status).toBe(201);
    expect(noted.body.noteId).toEqual(expect.any(String));
    const done = await given.api.call("POST", on("/completion"), {
      token: given.tokens.wijkteam,
      body: { note: "Hulp thuis loopt, school geïnformeerd" },
    });
    expect(done.status).toBe(201);
    const position = done.headers.get("position")!;
    for (const token of [given.tokens.wijkteam, given.tokens.chair, given.tokens.school]) {
      expect(await agreementIn(ids.caseId, ids.agreementId, token, position)).toMatchObject({
        owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
        dueDate: "2030-03-01",
        dueDateChanges: [
          {
            previousDueDate: "2030-02-01",
            dueDate: "2030-03-01",
            reason: "Moeder pas in maart bereikbaar",
            changedBy: ORG.wijkteam,
          },
        ],
        progress: [
          { noteId: noted.body.noteId, note: "Eerste gesprek gevoerd", notedBy: ORG.wijkteam },
        ],
        status: "completed",
        completedBy: ORG.wijkteam,
        completionNote: "Hulp thuis loopt, school geïnformeerd",
        completedLate: false,
        overdue: false,
      });
    }
    // The note is personal text: encrypted at rest, never stored in the clear.
    const completed = (await given.api.caseEvents(ids.caseId)).at(-1)!;
    expect(completed.type).toBe("AgreementCompleted");
    expect(JSON.stringify(completed.data)).not.toContain("school geïnformeerd");
  });

  test("when the school (not the owner) notes progress or moves the date, then 403 naming the rule and nothing is written", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const on = (path: string) => `/v1/cases/${ids.caseId}/agreements/${ids.agreementId}${path}`;
    const before = (await given.api.caseEvents(ids.caseId)).length;
    const note = await given.api.call("POST", on("/progress-notes"), {
      token: given.tokens.school,
      body: { note: "Ik doe het wel" },
    });
    expect(note.status).toBe(403);
    expect(note.body.rule).toBe("agreement-owner-only");
    const move = await given.api.call("POST", on("/due-date-changes"), {
      token: given.tokens.school,
      body: { dueDate: "2031-01-01", reason: "Later" },
    });
    expect(move.status).toBe(403);
    expect(move.body.rule).toBe("owner-or-chair");
    expect(await given.api.caseEvents(ids.caseId)).toHaveLength(before);
  });

  test("when a body is sent to a route that reads none, then 400 instead of dropping it silently", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const withdraw = await given.api.call(
      "DELETE",
      `/v1/cases/${ids.caseId}/consents/${ids.consentId}`,
      {
        token: given.tokens.school,
        body: { note: "Ouders trekken in" },
      },
    );
    expect(withdraw.status).toBe(400);
    expect(withdraw.body.errors).toEqual([
      { in: "body", path: "", message: "this request takes no body" },
    ]);
    const completion = await given.api.call(
      "POST",
      `/v1/cases/${ids.caseId}/agreements/${ids.agreementId}/completion`,
      { token: given.tokens.wijkteam },
    );
    expect(completion.status).toBe(201);
  });
});
