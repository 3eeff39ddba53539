import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Route } from "../../src/api/http/routeDefinition.js";
import { type CaseApi, type Exchange, ORG, startCaseApi } from "./cases/support/caseApi.js";
import { type CaseIds, sampleBodies } from "./cases/support/samples.js";
import { join, populatedCase, type Tokens, tokensFor } from "./cases/support/scenario.js";

// DESIGN §3 rule 1, last sentence: an object the caller may not know of answers exactly as
// an unknown id does. Every route of the route table that names such an object is asked
// twice, once with the real hidden id and once with a random one; the answers must be equal
// and nothing may be written.

let api: CaseApi;
let tokens: Tokens;
let ids: CaseIds;
let covenantId: string;
const officer = { name: "FG", email: "fg@example.org" };
const covenantChair = `swv-${randomUUID()}`;
const withdrawnMember = `school-${randomUUID()}`;

beforeAll(async () => {
  api = await startCaseApi("sqlite");
  tokens = await tokensFor(api);
  ids = await populatedCase(api, tokens);
  // The police take part but are neither sharer nor recipient of the school's share.
  await join(api, tokens, ids.caseId, ORG.police, tokens.police);
  // Leerplicht is invited only: it may know its invitation, no item of the case.
  const invited = await api.call("POST", `/v1/cases/${ids.caseId}/invitations`, {
    token: tokens.chair,
    body: { organisationId: ORG.leerplicht, message: "" },
  });
  expect(invited.status).toBe(201);

  const admin = await api.token(covenantChair, ["admin"]);
  const established = await api.call("POST", "/v1/covenants", {
    token: admin,
    body: {
      name: "Een ander convenant",
      chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
    },
  });
  covenantId = established.body.covenantId;
  const base = `/v1/covenants/${covenantId}`;
  for (const [method, path, body] of [
    [
      "POST",
      "/members",
      {
        organisationId: withdrawnMember,
        name: "S",
        partnerKind: "school-vo",
        privacyOfficer: officer,
      },
    ],
    ["POST", "/purposes", { purposeId: "veiligheid", description: "Veiligheid" }],
    [
      "POST",
      "/sharing-rules",
      {
        ruleId: "r1",
        sharerKind: "school-vo",
        dataCategories: ["verzuim"],
        recipientKinds: ["leerplicht"],
        legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
      },
    ],
    ["DELETE", `/members/${withdrawnMember}`, undefined],
  ] as const) {
    const done = await api.call(method, `${base}${path}`, { token: admin, body });
    expect(done.status, `${method} ${path}`).toBeLessThan(300);
  }
}, 60_000);
afterAll(() => api?.close());

const keyOf = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

/** Asks the same route for a hidden real id and for a random one: the answers must match. */
async function expectSameAnswer(
  method: string,
  real: string,
  random: string,
  options: { token: string; body?: unknown; headers?: Record<string, string> },
): Promise<Exchange> {
  const before = await api.system.store.headPosition();
  const forReal = await api.call(method, real, options);
  const forRandom = await api.call(method, random, options);
  expect(forReal.status, `${method} ${real}`).toBeGreaterThanOrEqual(400);
  expect(forReal.status, `${method} ${real}`).toBeLessThan(500);
  expect({ status: forReal.status, body: forReal.body }, `${method} ${real}`).toEqual({
    status: forRandom.status,
    body: forRandom.body,
  });
  expect(await api.system.store.headPosition()).toBe(before);
  return forReal;
}

const itemParameter = /\{(shareId|consentId|meetingId|agreementId)\}/;
const itemRoutes = () => api.routes.filter((route) => itemParameter.test(route.path));

function fill(path: string, hidden: boolean): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: keyof CaseIds) =>
    hidden || !itemParameter.test(`{${name}}`) ? ids[name] : randomUUID(),
  );
}

describe("given items of a case the caller may not know of", () => {
  test("the route table has a route for every kind of item, so none escapes this suite", () => {
    const kinds = new Set(itemRoutes().map((route) => itemParameter.exec(route.path)?.[1]));
    expect(kinds).toEqual(new Set(["shareId", "consentId", "meetingId", "agreementId"]));
  });

  const hiddenShareRoutes = () => itemRoutes().filter((route) => route.path.includes("{shareId}"));

  test("when a participant that is neither sharer nor recipient names a share, then it is answered as an unknown id", async () => {
    const police = await api.token(ORG.police, ["professional", "chair"]);
    for (const route of hiddenShareRoutes()) {
      const answer = await expectSameAnswer(
        route.method,
        fill(route.path, true),
        fill(route.path, false),
        { token: police, body: sampleBodies[keyOf(route)] },
      );
      expect(answer.status).toBe(404);
    }
  });

  test("when an invited organisation names any item of the case, then it is answered as an unknown id", async () => {
    for (const roles of [["professional"], ["professional", "chair"]] as const) {
      const invited = await api.token(ORG.leerplicht, [...roles]);
      for (const route of itemRoutes()) {
        await expectSameAnswer(route.method, fill(route.path, true), fill(route.path, false), {
          token: invited,
          body: sampleBodies[keyOf(route)],
        });
      }
    }
  });

  test("when a recipient names the share, then it may know it and is told only the sharer may (403)", async () => {
    const response = await api.call("DELETE", `/v1/cases/${ids.caseId}/shares/${ids.shareId}`, {
      token: tokens.wijkteam,
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      type: "https://casustafel.example/problems/organisation-not-permitted",
      rule: "sharer-only",
    });
  });
});

describe("given a covenant the caller's organisation is no member of", () => {
  const covenantRoutes = () =>
    api.routes.filter((route) => route.path.startsWith("/v1/covenants/{covenantId}"));
  const covenantBodies: Record<string, unknown> = {
    "POST /v1/covenants/{covenantId}/members": {
      organisationId: "org-x",
      name: "X",
      partnerKind: "school-vo",
      privacyOfficer: officer,
    },
    "POST /v1/covenants/{covenantId}/purposes": { purposeId: "doel", description: "Doel" },
    "PUT /v1/covenants/{covenantId}/retention/{purposeId}": { yearsAfterClosure: 2 },
    "PUT /v1/covenants/{covenantId}/case-list-names": { shownAs: "initials" },
    "POST /v1/covenants/{covenantId}/sharing-rules": {
      sharerKind: "school-vo",
      dataCategories: ["verzuim"],
      recipientKinds: ["leerplicht"],
      legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
    },
  };
  const fillCovenant = (path: string, id: string) =>
    path
      .replace("{covenantId}", id)
      .replace("{organisationId}", covenantChair)
      .replace("{purposeId}", "veiligheid")
      .replace("{ruleId}", "r1")
      .replace("{activityId}", "casusoverleg")
      .replace("{version}", "1");

  test.each([
    ["a stranger's admin", () => `org-${randomUUID()}`],
    ["the admin of a withdrawn member", () => withdrawnMember],
  ])(
    "when %s uses any covenant route, with or without If-Match, then it is answered as an unknown covenant",
    async (_who, org) => {
      const admin = await api.token(org(), ["admin", "professional", "privacy-officer"]);
      expect(covenantRoutes().length).toBeGreaterThanOrEqual(6);
      for (const route of covenantRoutes()) {
        const preconditions: Record<string, string>[] = [
          {},
          { "if-match": "*" },
          { "if-match": '"0"' },
          { "if-match": '"3"' },
        ];
        for (const headers of preconditions) {
          if (route.method === "get" && "if-match" in headers) continue;
          const answer = await expectSameAnswer(
            route.method,
            fillCovenant(route.path, covenantId),
            fillCovenant(route.path, randomUUID()),
            { token: admin, body: covenantBodies[keyOf(route)], headers },
          );
          expect(answer.status, keyOf(route)).toBe(404);
        }
      }
    },
  );

  test("when it opens a case in that covenant, then it is answered as for an unknown covenant", async () => {
    const stranger = await api.token(`org-${randomUUID()}`, ["professional"]);
    const body = (id: string) => ({ ...(sampleOpenCase as object), covenantId: id });
    const real = await api.call("POST", "/v1/cases", { token: stranger, body: body(covenantId) });
    const random = await api.call("POST", "/v1/cases", {
      token: stranger,
      body: body(randomUUID()),
    });
    expect(real.status).toBe(404);
    expect(real.body).toEqual(random.body);
  });

  test("when its officer or analyst asks the audit, trends and subject questions, then it is answered as an unknown covenant", async () => {
    const org = `org-${randomUUID()}`;
    const po = await api.token(org, ["privacy-officer"]);
    const analyst = await api.token(org, ["analyst", "chair"]);
    const subjectId = randomUUID();
    const questions: [string, (id: string) => string, string, unknown?][] = [
      ["GET", (id) => `/v1/audit/disclosures?covenant=${id}`, po],
      ["GET", (id) => `/v1/audit/access?covenant=${id}`, po],
      ["GET", (id) => `/v1/audit/integrity?covenant=${id}`, po],
      ["GET", (id) => `/v1/subjects/${subjectId}/report?covenant=${id}`, po],
      ["GET", (id) => `/v1/trends?covenant=${id}`, analyst],
    ];
    for (const [method, path, token] of questions) {
      const answer = await expectSameAnswer(method, path(covenantId), path(randomUUID()), {
        token,
      });
      expect(answer.status).toBe(404);
    }
    const erase = (id: string) => ({ covenantId: id, reason: "data-subject-request" });
    const real = await api.call("POST", `/v1/subjects/${subjectId}/erasure`, {
      token: po,
      body: erase(covenantId),
    });
    const random = await api.call("POST", `/v1/subjects/${subjectId}/erasure`, {
      token: po,
      body: erase(randomUUID()),
    });
    expect({ status: real.status, body: real.body }).toEqual({
      status: random.status,
      body: random.body,
    });
  });
});

describe("given a case the caller's privacy officer may not audit", () => {
  test("when it asks what an organisation could see in it, then it is answered as an unknown case", async () => {
    const path = (caseId: string) => `/v1/audit/cases/${caseId}/visibility`;
    const answer = await expectSameAnswer("GET", path(ids.caseId), path(randomUUID()), {
      token: tokens.strangerOfficer,
    });
    expect(answer.status).toBe(404);
  });
});

const sampleOpenCase = {
  subject: { name: "Sam de Vries", dateOfBirth: "2011-02-03", school: "Het Baken" },
  contact: { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" },
  category: "drugs",
  level: "preventie",
  urgency: "high",
  description: "Een zorg.",
};

describe("given an id that names nothing, wherever the request names it", () => {
  test("when a route names an unknown object in its path or body, then it is 404 not-found, never 409 or 422", async () => {
    const chair = tokens.chair;
    const admin = await api.token(covenantChair, ["admin"]);
    const base = `/v1/cases/${ids.caseId}`;
    const unknownOrg = `org-${randomUUID()}`;
    const asked: [string, string, string, unknown?][] = [
      ["POST", `${base}/invitations`, chair, { organisationId: unknownOrg, message: "" }],
      ["PUT", `${base}/regie`, chair, { organisationId: unknownOrg }],
      ["DELETE", `${base}/participants/${unknownOrg}`, chair],
      ["POST", `${base}/agreements`, chair, { ...agreement, ownerOrganisationId: unknownOrg }],
      ["POST", `${base}/agreements`, chair, { ...agreement, meetingId: randomUUID() }],
      ["POST", `${base}/meetings/${ids.meetingId}/record`, chair, meetingWith(unknownOrg)],
      ["POST", `${base}/meetings/${randomUUID()}/record`, chair, meetingWith(ORG.chair)],
      ["DELETE", `${base}/consents/${randomUUID()}`, chair],
      ["POST", `${base}/agreements/${randomUUID()}/completion`, chair],
      ["DELETE", `${base}/shares/${randomUUID()}`, tokens.school],
      ["DELETE", `/v1/covenants/${covenantId}/members/${unknownOrg}`, admin],
      ["DELETE", `/v1/covenants/${covenantId}/sharing-rules/onbekend`, admin],
      ["PUT", `/v1/covenants/${covenantId}/retention/onbekend`, admin, { yearsAfterClosure: 2 }],
    ];
    for (const [method, path, token, body] of asked) {
      const response = await api.call(method, path, { token, body });
      expect({ status: response.status, type: response.body?.type }, `${method} ${path}`).toEqual({
        status: 404,
        type: "https://casustafel.example/problems/not-found",
      });
    }
  });
});

const agreement = {
  what: "Huisbezoek",
  ownerOrganisationId: ORG.wijkteam,
  owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
  dueDate: "2030-02-01",
};
const meetingWith = (organisationId: string) => ({
  heldAt: "2030-01-01T10:00:00Z",
  attendees: [{ organisationId, userId: "iemand", confidentialityAcknowledged: true }],
  minutes: "Besproken.",
  decisions: [],
});
