import { describe, expect, test } from "vitest";
import { COVENANT_ID, ORG } from "../cases/support/caseApi.js";
import { caseApiForFile, caseWithWijkteam, join, openCaseBody } from "../cases/support/scenario.js";

// Sessions over HTTP on the real SQLite store: who sees which item, minutes per item (rule 4).

const given = caseApiForFile();
const QUESTION = "Wie gaat met Noah en zijn moeder in gesprek?";
const MINUTES = "Noah vertelde over de oudere jongens bij het plein.";

async function plannedSession() {
  const { api, tokens } = given;
  const caseA = await caseWithWijkteam(api, tokens);
  const opened = await api.call("POST", "/v1/cases", {
    token: tokens.school,
    body: openCaseBody(),
  });
  const caseB = opened.body.caseId as string;
  await join(api, tokens, caseB, ORG.police, tokens.police);
  const plan = await api.call("POST", "/v1/sessions", {
    token: tokens.chair,
    body: {
      covenantId: COVENANT_ID,
      startsAt: "2031-05-01T09:00:00+02:00",
      endsAt: "2031-05-01T11:00:00+02:00",
      location: "Stadhuis",
      plannedOrganisationIds: [ORG.school, ORG.wijkteam, ORG.police],
    },
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  const sessionId = plan.body.sessionId as string;
  const add = async (caseId: string) => {
    const added = await api.call("POST", `/v1/sessions/${sessionId}/agenda`, {
      token: tokens.chair,
      body: { caseId, question: QUESTION },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return added.body.itemId as string;
  };
  return { sessionId, caseA, caseB, itemA: await add(caseA), itemB: await add(caseB) };
}

/** Reads after every write so far (Min-Position at the store's head). */
async function read(sessionId: string, token: string) {
  const head = (await given.api.system.store.headPosition()).toString();
  return given.api.call("GET", `/v1/sessions/${sessionId}`, {
    token,
    headers: { "min-position": head },
  });
}

describe("a session with two young people on the agenda", () => {
  test("Given two cases, when each partner reads the session, then it sees only the items of cases it has; a stranger gets 404", async () => {
    const { api, tokens } = given;
    const { sessionId, itemA, itemB } = await plannedSession();
    const stored = await api.system.store.readStream(`session-${sessionId}`);
    expect(JSON.stringify(stored.map((e) => e.data))).not.toContain(QUESTION);
    const byPolice = await read(sessionId, tokens.police);
    expect(byPolice.status).toBe(200);
    expect(byPolice.body.agenda.map((i: { itemId: string }) => i.itemId)).toEqual([itemB]);
    const byWijkteam = await read(sessionId, tokens.wijkteam);
    expect(byWijkteam.body.agenda.map((i: { itemId: string }) => i.itemId)).toEqual([itemA]);
    const bySchool = await read(sessionId, tokens.school);
    expect(bySchool.body.agenda).toHaveLength(2);
    expect(bySchool.body.agenda[0].question).toBe(QUESTION);
    const byStranger = await read(sessionId, tokens.stranger);
    expect(byStranger.status).toBe(404);
    const unknown = await read("00000000-0000-4000-8000-000000000000", tokens.stranger);
    expect(byStranger.body.detail).toBe(unknown.body.detail);
    const head = (await api.system.store.headPosition()).toString();
    const listed = await api.call("GET", "/v1/sessions", {
      token: tokens.police,
      headers: { "min-position": head },
    });
    const mine = listed.body.sessions.find((s: { sessionId: string }) => s.sessionId === sessionId);
    expect(mine.agenda).toEqual([{ itemId: itemB, caseId: expect.any(String) }]);
  });

  test("Given a session, when the police is named attendee of an item of a case it is not in, then 422 names attendee-participant with its text", async () => {
    const { api, tokens } = given;
    const { sessionId, itemA } = await plannedSession();
    const refused = await api.call("POST", `/v1/sessions/${sessionId}/agenda/${itemA}/record`, {
      token: tokens.chair,
      body: {
        heldAt: "2031-05-01T09:30:00+02:00",
        attendees: [
          { organisationId: ORG.wijkteam, userId: "wijkcoach", confidentialityAcknowledged: true },
          { organisationId: ORG.police, userId: "agent", confidentialityAcknowledged: true },
        ],
        minutes: MINUTES,
        decisions: [],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toEqual([
      expect.objectContaining({
        rule: "attendee-participant",
        value: ORG.police,
        explanation: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(refused.body)).not.toContain("Noah");
  });

  test("Given a recorded item, then its minutes are for its attendees; corrections before approval, addenda after; the session is held", async () => {
    const { api, tokens } = given;
    const { sessionId, caseA, itemA, itemB } = await plannedSession();
    const itemPath = `/v1/sessions/${sessionId}/agenda/${itemA}`;
    const recorded = await api.call("POST", `${itemPath}/record`, {
      token: tokens.chair,
      body: {
        heldAt: "2031-05-01T09:30:00+02:00",
        attendees: [
          { organisationId: ORG.wijkteam, userId: "wijkcoach", confidentialityAcknowledged: true },
        ],
        minutes: MINUTES,
        decisions: ["Huisbezoek"],
        agreements: [
          {
            what: "Huisbezoek plannen",
            ownerOrganisationId: ORG.wijkteam,
            owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
            dueDate: "2031-05-15",
          },
        ],
      },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.headers.get("etag")).toBe(`"${recorded.body.revision}"`);
    const stored = await api.caseEvents(caseA);
    expect(stored.slice(-2).map((e) => e.type)).toEqual(["AgendaItemRecorded", "AgreementMade"]);
    expect(JSON.stringify(stored.map((e) => e.data))).not.toContain(MINUTES);

    const wijkteamView = (await read(sessionId, tokens.wijkteam)).body.agenda[0];
    expect(wijkteamView.minutes).toMatchObject({ status: "draft", minutes: MINUTES });
    const schoolView = (await read(sessionId, tokens.school)).body.agenda[0];
    expect(schoolView).toMatchObject({ itemId: itemA, heldAt: expect.any(String), minutes: null });

    const access = await api.accessRecords(caseA);
    expect(access.some((record) => record.itemIds.includes(`minutes:${itemA}`))).toBe(true);

    const hidden = await api.call(
      "POST",
      `/v1/sessions/${sessionId}/agenda/${itemA}/minutes/corrections`,
      {
        token: tokens.police,
        body: { minutes: "Anders" },
      },
    );
    expect(hidden.status).toBe(404);
    const notAttended = await api.call("POST", `${itemPath}/minutes/corrections`, {
      token: tokens.school,
      body: { minutes: "Anders" },
    });
    expect(notAttended.status).toBe(403);
    expect(notAttended.body.rule).toBe("attendee-only");

    const proposed = await api.call("POST", `${itemPath}/minutes/corrections`, {
      token: tokens.wijkteam,
      body: { minutes: `${MINUTES} En over school.` },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const approved = await api.call("POST", `${itemPath}/minutes/approve`, {
      token: tokens.chair,
      body: {},
      headers: { "if-match": `"${proposed.body.revision}"` },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const late = await api.call("POST", `${itemPath}/minutes/corrections`, {
      token: tokens.wijkteam,
      body: { minutes: "Nog anders" },
    });
    expect(late.status).toBe(409);
    expect(late.body.rule).toBe("minutes-approved");
    const addendum = await api.call("POST", `${itemPath}/minutes/addenda`, {
      token: tokens.wijkteam,
      body: { text: "Moeder belde na afloop." },
    });
    expect(addendum.status, JSON.stringify(addendum.body)).toBe(201);
    const final = (await read(sessionId, tokens.wijkteam)).body.agenda[0].minutes;
    expect(final.status).toBe("approved");
    expect(final.corrections).toEqual([expect.objectContaining({ status: "folded" })]);
    expect(final.addenda).toEqual([expect.objectContaining({ text: "Moeder belde na afloop." })]);

    const early = await api.call("POST", `/v1/sessions/${sessionId}/held`, { token: tokens.chair });
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe("agenda-not-recorded");
    const removed = await api.call("DELETE", `/v1/sessions/${sessionId}/agenda/${itemB}`, {
      token: tokens.chair,
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const held = await api.call("POST", `/v1/sessions/${sessionId}/held`, { token: tokens.chair });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect((await read(sessionId, tokens.school)).body.status).toBe("held");
  });

  test("Given a case the chair does not chair or does not exist, when it is put on the agenda, then 404 as for an unknown case", async () => {
    const { api, tokens } = given;
    const { sessionId } = await plannedSession();
    const unknown = await api.call("POST", `/v1/sessions/${sessionId}/agenda`, {
      token: tokens.chair,
      body: { caseId: "00000000-0000-4000-8000-000000000001", question: QUESTION },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("No such case");
    const byStranger = await api.call("POST", `/v1/sessions/${sessionId}/cancel`, {
      token: tokens.stranger,
      body: { reason: "x" },
    });
    expect(byStranger.status).toBe(404);
    expect(byStranger.body.detail).toBe("No such session");
  });
});

describe("a meeting recorded before sessions", () => {
  test("Given a stored MeetingHeld, when its attendee reads it as a session, then it is a held one-item session with the minutes the case view shows", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const scheduled = await api.call("POST", `/v1/cases/${caseId}/meetings`, {
      token: tokens.chair,
      body: { scheduledFor: "2030-01-01T10:00:00Z", agenda: "Eerste overleg" },
    });
    const { meetingId } = scheduled.body;
    await api.call("POST", `/v1/cases/${caseId}/meetings/${meetingId}/record`, {
      token: tokens.chair,
      body: {
        heldAt: "2030-01-01T11:00:00Z",
        attendees: [
          { organisationId: ORG.wijkteam, userId: "wijkcoach", confidentialityAcknowledged: true },
        ],
        minutes: MINUTES,
        decisions: ["Huisbezoek"],
      },
    });
    const caseView = await api.call("GET", `/v1/cases/${caseId}`, {
      token: tokens.wijkteam,
      headers: { "min-position": "0" },
    });
    const meeting = caseView.body.meetings[0];
    const session = await read(meetingId, tokens.wijkteam);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ sessionId: meetingId, status: "held", legacy: true });
    expect(session.body.agenda).toHaveLength(1);
    expect(session.body.agenda[0]).toMatchObject({
      itemId: meetingId,
      caseId,
      question: "Eerste overleg",
      minutes: { status: "approved", minutes: meeting.minutes, decisions: meeting.decisions },
    });
    const bySchool = await read(meetingId, tokens.school);
    expect(bySchool.body.agenda[0].minutes).toBeNull();
    expect((await read(meetingId, tokens.police)).status).toBe(404);
  });
});
