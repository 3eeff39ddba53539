import { expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import { caseApiForFile, populatedCase } from "./support/scenario.js";

const given = caseApiForFile("sqlite");

test("the case list shows the caller's cases and invitations, read-your-writes", async () => {
  const ids = await populatedCase(given.api, given.tokens);
  const invited = await given.api.call("POST", `/v1/cases/${ids.caseId}/invitations`, {
    token: given.tokens.chair,
    body: { organisationId: ORG.police },
  });
  const minPosition = { "min-position": invited.headers.get("position")! };
  const wijkteam = await given.api.call("GET", "/v1/cases", {
    token: given.tokens.wijkteam,
    headers: minPosition,
  });
  expect(wijkteam.status).toBe(200);
  expect(wijkteam.body.cases).toContainEqual(
    expect.objectContaining({
      view: "case",
      caseId: ids.caseId,
      status: "open",
      signalCategory: "drugs",
      chairOrganisationId: ORG.chair,
      nextMeeting: "2030-01-01T10:00:00Z",
      openAgreements: 1,
      overdueAgreements: 0,
    }),
  );
  const police = await given.api.call("GET", "/v1/cases", {
    token: given.tokens.police,
    headers: minPosition,
  });
  expect(police.body.cases).toContainEqual({
    view: "invitation",
    caseId: ids.caseId,
    signalCategory: "drugs",
    chairOrganisationId: ORG.chair,
  });
  const reads = await given.api.accessRecords(ids.caseId);
  expect(reads.map((read) => read.organisationId)).toEqual(
    expect.arrayContaining([ORG.wijkteam, ORG.police]),
  );
  const stranger = await given.api.call("GET", "/v1/cases", {
    token: given.tokens.stranger,
    headers: minPosition,
  });
  expect(stranger.body.cases.map((row: { caseId: string }) => row.caseId)).not.toContain(
    ids.caseId,
  );
});

test("agreements due: open ones of the owner, overdue ones on request; strangers see none", async () => {
  const ids = await populatedCase(given.api, given.tokens);
  const late = await given.api.call("POST", `/v1/cases/${ids.caseId}/agreements`, {
    token: given.tokens.chair,
    body: {
      what: "Terugkoppeling aan school",
      ownerOrganisationId: ORG.wijkteam,
      owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
      dueDate: "2024-01-01",
    },
  });
  expect(late.status).toBe(201);
  const headers = { "min-position": late.headers.get("position")! };
  const open = await given.api.call("GET", "/v1/agreements?status=open", {
    token: given.tokens.wijkteam,
    headers,
  });
  expect(open.status).toBe(200);
  const mine = open.body.agreements.filter((a: { caseId: string }) => a.caseId === ids.caseId);
  expect(mine.map((a: { agreementId: string }) => a.agreementId)).toEqual([
    late.body.agreementId,
    ids.agreementId,
  ]);
  const overdue = await given.api.call("GET", "/v1/agreements?status=overdue", {
    token: given.tokens.wijkteam,
    headers,
  });
  expect(overdue.body.agreements).toContainEqual({
    caseId: ids.caseId,
    agreementId: late.body.agreementId,
    what: "Terugkoppeling aan school",
    ownerOrganisationId: ORG.wijkteam,
    dueDate: "2024-01-01",
    overdue: true,
  });
  expect(overdue.body.agreements.map((a: { agreementId: string }) => a.agreementId)).not.toContain(
    ids.agreementId,
  );
  const stranger = await given.api.call("GET", "/v1/agreements", {
    token: given.tokens.stranger,
    headers,
  });
  expect(stranger.body.agreements).toEqual([]);
  const bad = await given.api.call("GET", "/v1/agreements?status=late", {
    token: given.tokens.wijkteam,
  });
  expect(bad.status).toBe(400);
});
