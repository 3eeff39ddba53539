import { describe, expect, test } from "vitest";
import { eraseSubjectOfCase, ORG } from "../cases/support/caseApi.js";
import { caseApiForFile, populatedCase } from "../cases/support/scenario.js";

// GET /v1/worklist on the real SQLite store: each section, nothing the policy hides, and
// every read on record, whose time is when the organisation last looked.

const given = caseApiForFile("sqlite");

type Entry = {
  kind: string;
  caseId: string | null;
  itemId: string;
  link: string;
  date: string;
  overdue?: boolean;
};
type Worklist = { since: string | null; sections: { name: string; entries: Entry[] }[] };

async function worklistOf(token: string, position: string | null, query = ""): Promise<Worklist> {
  const headers = position ? { "min-position": position } : undefined;
  const read = await given.api.call("GET", `/v1/worklist${query}`, { token, headers });
  expect(read.status).toBe(200);
  return read.body as Worklist;
}
const section = (list: Worklist, name: string) =>
  list.sections.find((s) => s.name === name)?.entries ?? [];
const inCase = (entries: Entry[], caseId: string) => entries.filter((e) => e.caseId === caseId);

async function post(path: string, token: string, body?: unknown) {
  const written = await given.api.call("POST", path, { token, body });
  expect(written.status, JSON.stringify(written.body)).toBeLessThan(300);
  return written;
}

describe("given a case the school shared into, with the wijkteam owning an agreement", () => {
  test("when its case meeting is ahead, then the participants' worklists show it as a session with that one item, and a stranger's does not", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const [scheduled] = (await given.api.caseEvents(ids.caseId)).filter(
      (e) => e.type === "MeetingScheduled",
    );
    const position = String(scheduled?.position);
    const wijkteam = section(await worklistOf(given.tokens.wijkteam, position), "upcomingSessions");
    expect(wijkteam.filter((e) => e.itemId === ids.meetingId)).toEqual([
      expect.objectContaining({
        kind: "session-upcoming",
        caseId: null,
        sessionId: ids.meetingId,
        link: `/v1/sessions/${ids.meetingId}`,
        items: [{ itemId: ids.meetingId, caseId: ids.caseId }],
      }),
    ]);
    const police = section(await worklistOf(given.tokens.police, position), "upcomingSessions");
    expect(police.filter((e) => e.itemId === ids.meetingId)).toEqual([]);
  });

  test("when the police is invited, then its worklist shows the invitation, and the wijkteam's does not", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const invited = await post(`/v1/cases/${ids.caseId}/invitations`, given.tokens.chair, {
      organisationId: ORG.police,
    });
    const position = invited.headers.get("position");
    const police = await worklistOf(given.tokens.police, position);
    expect(inCase(section(police, "invitations"), ids.caseId)).toEqual([
      expect.objectContaining({
        kind: "invitation",
        itemId: ids.caseId,
        link: `/v1/cases/${ids.caseId}`,
      }),
    ]);
    const wijkteam = await worklistOf(given.tokens.wijkteam, position);
    expect(inCase(section(wijkteam, "invitations"), ids.caseId)).toEqual([]);
  });

  test("when the wijkteam looks twice, then a share received is new the first time only, `since` brings it back, and each read is on record", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const [share] = (await given.api.caseEvents(ids.caseId)).filter(
      (e) => e.type === "InformationShared",
    );
    const position = String(share?.position);
    const first = await worklistOf(given.tokens.wijkteam, position);
    expect(inCase(section(first, "sharesReceived"), ids.caseId)).toEqual([
      expect.objectContaining({ kind: "share-received", itemId: ids.shareId }),
    ]);
    const records = await given.api.accessRecords(ids.caseId);
    const read = records.at(-1)!;
    expect(read).toMatchObject({
      organisationId: ORG.wijkteam,
      purpose: "werklijst",
      itemIds: [`share:${ids.shareId}`, `session-item:${ids.meetingId}`],
    });
    const second = await worklistOf(given.tokens.wijkteam, String(read.position));
    expect(second.since).toBe(read.readAt);
    expect(inCase(section(second, "sharesReceived"), ids.caseId)).toEqual([]);
    const since = await worklistOf(given.tokens.wijkteam, null, "?since=2000-01-01T00:00:00Z");
    expect(inCase(section(since, "sharesReceived"), ids.caseId)).toHaveLength(1);
  });

  test("when an agreement of the wijkteam is overdue, then it leads its agreements, flagged; the chair's own list holds none of it", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const late = await post(`/v1/cases/${ids.caseId}/agreements`, given.tokens.chair, {
      what: "Terugbellen",
      ownerOrganisationId: ORG.wijkteam,
      owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
      dueDate: "2024-01-01",
    });
    const position = late.headers.get("position");
    const wijkteam = await worklistOf(given.tokens.wijkteam, position);
    expect(inCase(section(wijkteam, "agreementsDue"), ids.caseId)).toEqual([
      {
        kind: "agreement-due",
        caseId: ids.caseId,
        itemId: late.body.agreementId,
        link: `/v1/cases/${ids.caseId}`,
        date: "2024-01-01",
        overdue: true,
      },
    ]);
    const chair = await worklistOf(given.tokens.chair, position);
    expect(inCase(section(chair, "agreementsDue"), ids.caseId)).toEqual([]);
  });

  test("when the share is revoked, then it is on no worklist; a stranger's worklist never names the case", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const revoked = await given.api.call(
      "DELETE",
      `/v1/cases/${ids.caseId}/shares/${ids.shareId}`,
      {
        token: given.tokens.school,
      },
    );
    expect(revoked.status).toBe(200);
    const position = revoked.headers.get("position");
    const wijkteam = await worklistOf(
      given.tokens.wijkteam,
      position,
      "?since=2000-01-01T00:00:00Z",
    );
    expect(inCase(section(wijkteam, "sharesReceived"), ids.caseId)).toEqual([]);
    const stranger = await worklistOf(
      given.tokens.stranger,
      position,
      "?since=2000-01-01T00:00:00Z",
    );
    expect(JSON.stringify(stranger)).not.toContain(ids.caseId);
  });

  test("when every organisation reads its worklist, then every entry is one the case itself shows it (the same policy)", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    const invited = await post(`/v1/cases/${ids.caseId}/invitations`, given.tokens.chair, {
      organisationId: ORG.leerplicht,
    });
    const position = invited.headers.get("position");
    let checked = 0;
    for (const token of Object.values(given.tokens)) {
      const read = await given.api.call("GET", "/v1/worklist?since=2000-01-01T00:00:00Z", {
        token,
        headers: { "min-position": position! },
      });
      if (read.status === 403) continue;
      for (const entry of (read.body as Worklist).sections.flatMap((s) => s.entries)) {
        if (entry.kind === "possible-match") continue;
        checked++;
        const shown = await given.api.call("GET", entry.link, { token });
        expect(shown.status, `${entry.kind} ${entry.link}`).toBe(200);
        const body = shown.body as {
          view: string;
          shares?: { shareId: string }[];
          agreements?: { agreementId: string }[];
        };
        if (entry.kind === "invitation") expect(body.view).toBe("invitation");
        if (entry.kind === "share-received")
          expect(body.shares?.map((s) => s.shareId)).toContain(entry.itemId);
        if (entry.kind === "agreement-due")
          expect(body.agreements?.map((a) => a.agreementId)).toContain(entry.itemId);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  test("when the young person is erased, then their overdue agreement is on no worklist", async () => {
    const ids = await populatedCase(given.api, given.tokens);
    await post(`/v1/cases/${ids.caseId}/agreements`, given.tokens.chair, {
      what: "Terugbellen",
      ownerOrganisationId: ORG.wijkteam,
      owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
      dueDate: "2024-01-01",
    });
    const [opened] = await given.api.caseEvents(ids.caseId);
    const erased = await eraseSubjectOfCase(
      given.api.system,
      String(opened?.data.subjectId),
      ids.caseId,
    );
    const wijkteam = await worklistOf(given.tokens.wijkteam, String(erased.position));
    expect(inCase(section(wijkteam, "agreementsDue"), ids.caseId)).toEqual([]);
  });

  test("when `since` is not an instant, then 400 naming the query field", async () => {
    const read = await given.api.call("GET", "/v1/worklist?since=gisteren", {
      token: given.tokens.wijkteam,
    });
    expect(read.status).toBe(400);
    expect(read.body.errors).toEqual([expect.objectContaining({ in: "query", path: "/since" })]);
  });
});
