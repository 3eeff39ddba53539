import { describe, expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import {
  CONTACT,
  caseApiForFile,
  caseWithWijkteam,
  lawfulShare,
  SHARE_CONTENT,
  SUBJECT,
} from "./support/scenario.js";

const given = caseApiForFile("sqlite");

describe("reading a case", () => {
  test("a participant sees the case through the policy; the read is recorded first", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    const shared = await given.api.call("POST", `/v1/cases/${caseId}/shares`, {
      token: given.tokens.school,
      body: lawfulShare(),
    });
    const read = await given.api.call("GET", `/v1/cases/${caseId}`, {
      token: given.tokens.wijkteam,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(`"${shared.body.revision}"`);
    expect(read.body).toMatchObject({
      view: "case",
      caseId,
      revision: shared.body.revision,
      status: "open",
      chairOrganisationId: ORG.chair,
      subject: { ...SUBJECT, dateOfBirth: expect.any(String) },
    });
    // The school raised the signal: its description is for the school and the chair (rule 2).
    expect(read.body.signals[0].description).toBeNull();
    expect(read.body.participants).toContainEqual({
      organisationId: ORG.school,
      status: "joined",
      since: expect.any(String),
      contact: CONTACT,
    });
    expect(read.body.shares.map((s: { content: string }) => s.content)).toEqual([SHARE_CONTENT]);
    const records = await given.api.accessRecords(caseId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      caseId,
      organisationId: ORG.wijkteam,
      purpose: "casusoverleg",
    });
    expect(records[0]!.itemIds).toContain(`share:${shared.body.shareId}`);
    const { position: _position, ...record } = records[0]!;
    expect(JSON.stringify(record)).not.toContain(SHARE_CONTENT);
  });

  test("a share is hidden from a participant it was not made for", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    await given.api.call("POST", `/v1/cases/${caseId}/shares`, {
      token: given.tokens.school,
      body: lawfulShare(),
    });
    const chairView = await given.api.call("GET", `/v1/cases/${caseId}`, {
      token: given.tokens.chair,
    });
    expect(chairView.status).toBe(200);
    expect(chairView.body.shares).toEqual([]);
  });

  test("an invited organisation sees only its invitation", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    await given.api.call("POST", `/v1/cases/${caseId}/invitations`, {
      token: given.tokens.chair,
      body: { organisationId: ORG.police, message: "Wilt u aansluiten?" },
    });
    const read = await given.api.call("GET", `/v1/cases/${caseId}`, { token: given.tokens.police });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      view: "invitation",
      caseId,
      revision: 4,
      signalCategory: "drugs",
      chairOrganisationId: ORG.chair,
      message: "Wilt u aansluiten?",
    });
  });

  test("Min-Position: a read right after a write waits for it and sees it", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    const written = await given.api.call("PUT", `/v1/cases/${caseId}/regie`, {
      token: given.tokens.chair,
      body: { organisationId: ORG.wijkteam },
    });
    const read = await given.api.call("GET", `/v1/cases/${caseId}`, {
      token: given.tokens.wijkteam,
      headers: { "min-position": written.headers.get("position")! },
    });
    expect(read.status).toBe(200);
    expect(read.body.regieOrganisationId).toBe(ORG.wijkteam);
    const ahead = await given.api.call("GET", `/v1/cases/${caseId}`, {
      token: given.tokens.wijkteam,
      headers: { "min-position": "999999999" },
    });
    expect(ahead.status).toBe(503);
    expect(ahead.headers.get("retry-after")).toBe("1");
  });

  test("If-Match with a stale ETag is 412 and writes nothing", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    const before = (await given.api.caseEvents(caseId)).length;
    const stale = await given.api.call("PUT", `/v1/cases/${caseId}/regie`, {
      token: given.tokens.chair,
      body: { organisationId: ORG.wijkteam },
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.contentType).toMatch(/problem\+json/);
    const current = await given.api.call("PUT", `/v1/cases/${caseId}/regie`, {
      token: given.tokens.chair,
      body: { organisationId: ORG.wijkteam },
      headers: { "if-match": `"${before - 1}"` },
    });
    expect(current.status).toBe(200);
    expect(await given.api.caseEvents(caseId)).toHaveLength(before + 1);
  });
});
