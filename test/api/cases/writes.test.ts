import { describe, expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import {
  caseApiForFile,
  caseWithWijkteam,
  lawfulShare,
  openCaseBody,
  PLAINTEXTS,
} from "./support/scenario.js";

const given = caseApiForFile("sqlite");

const types = async (caseId: string) => (await given.api.caseEvents(caseId)).map((e) => e.type);

describe("opening a case", () => {
  test("a school's signal opens a case: 201, server ids, ETag, Position, events encrypted", async () => {
    const response = await given.api.call("POST", "/v1/cases", {
      token: given.tokens.school,
      body: openCaseBody(),
    });
    expect(response.status).toBe(201);
    const { caseId, signalId, subjectId, revision, position } = response.body;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(signalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(subjectId).toMatch(/^[0-9a-f-]{36}$/);
    expect(revision).toBe(1);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.headers.get("position")).toBe(position);
    expect(response.headers.get("location")).toBe(`/v1/cases/${caseId}`);
    const events = await given.api.caseEvents(caseId);
    expect(events.map((e) => e.type)).toEqual(["CaseOpened", "SignalRaised"]);
    expect(events[0]!.data.openedBy).toBe(ORG.school);
    expect(events[0]!.metadata.actor).toMatchObject({ organisationId: ORG.school });
    const stored = JSON.stringify(events.map((event) => event.data));
    for (const plaintext of PLAINTEXTS.slice(0, 4)) expect(stored).not.toContain(plaintext);
  });

  test("an organisation outside the covenant is told it does not exist, as for an unknown covenant", async () => {
    const outsider = await given.api.token("org-elsewhere", ["professional"]);
    const before = await given.api.system.store.headPosition();
    const real = await given.api.call("POST", "/v1/cases", {
      token: outsider,
      body: openCaseBody(),
    });
    const unknown = await given.api.call("POST", "/v1/cases", {
      token: outsider,
      body: { ...openCaseBody(), covenantId: crypto.randomUUID() },
    });
    expect(real.status).toBe(404);
    expect(real.contentType).toMatch(/application\/problem\+json/);
    expect(real.body).toEqual(unknown.body);
    expect(real.body.detail).toBe("No such covenant");
    expect(await given.api.system.store.headPosition()).toBe(before);
  });
});

describe("case work", () => {
  test("invite, join, regie, share, correct, revoke: each writes its event", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    expect(await types(caseId)).toEqual([
      "CaseOpened",
      "SignalRaised",
      "PartnerInvited",
      "PartnerJoined",
    ]);
    const regie = await given.api.call("PUT", `/v1/cases/${caseId}/regie`, {
      token: given.tokens.chair,
      body: { organisationId: ORG.wijkteam },
    });
    expect(regie.status).toBe(200);
    expect(regie.body).toMatchObject({ caseId, revision: 4 });

    const shared = await given.api.call("POST", `/v1/cases/${caseId}/shares`, {
      token: given.tokens.school,
      body: lawfulShare(),
    });
    expect(shared.status).toBe(201);
    const { shareId } = shared.body;
    const stored = (await given.api.caseEvents(caseId)).at(-1)!;
    expect(stored.type).toBe("InformationShared");
    expect(stored.data).toMatchObject({
      shareId,
      sharedBy: ORG.school,
      recipients: [ORG.wijkteam],
    });

    const corrected = await given.api.call(
      "POST",
      `/v1/cases/${caseId}/shares/${shareId}/corrections`,
      {
        token: given.tokens.school,
        body: { content: "Noah mist elke dinsdag.", reason: "Dag verwisseld" },
      },
    );
    expect(corrected.status).toBe(201);
    const revoked = await given.api.call("DELETE", `/v1/cases/${caseId}/shares/${shareId}`, {
      token: given.tokens.school,
    });
    expect(revoked.status).toBe(200);
    expect((await types(caseId)).slice(-3)).toEqual([
      "InformationShared",
      "ShareCorrected",
      "ShareRevoked",
    ]);
  });
});
