import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROBLEM_BASE } from "../../src/api/http/problems.js";
import type { Route } from "../../src/api/http/routeDefinition.js";
import { allRoutes } from "../../src/api/routeTable.js";
import { DEMO_COVENANT_ID, type DemoCase, ORG, startWithDemoCase } from "./support/demoCase.js";
import {
  BUILT_IN_NAMES,
  hostileValue,
  MALFORMED_ENCODINGS,
  stringLeaves,
  withLeaves,
} from "./support/hostile.js";

// Every route of the route table, on the real service over SQLite with real tokens, gets
// built-in property names and malformed percent-encodings in every path parameter, in its
// query and in a sample of its body fields: no answer is a 5xx, every refusal is problem+json.

let demo: DemoCase;
let routes: Route[];
let callers: string[];
const key = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

beforeAll(async () => {
  demo = await startWithDemoCase("sqlite");
  routes = allRoutes(demo.service.service.system.resources);
  const as = (
    org: string,
    ...roles: ("professional" | "chair" | "admin" | "privacy-officer" | "analyst")[]
  ) => demo.service.token(org, roles, `${roles.join("-")}-${org}`);
  const everything = ["professional", "chair", "admin", "privacy-officer", "analyst"] as const;
  callers = [
    await as(ORG.samenwerkingsverband, ...everything),
    await as(ORG.secondarySchool, "professional"),
    await as(ORG.police, "professional"),
    await as(ORG.leerplicht, "professional"),
    ...(await Promise.all(BUILT_IN_NAMES.slice(0, 3).map((org) => as(org, ...everything)))),
  ];
}, 120_000);
afterAll(() => demo?.service.close());

/** Real ids per path parameter, so hostile values are mixed with ones that exist. */
const realIds = (): Record<string, string[]> => ({
  caseId: [demo.ids.caseId],
  shareId: [demo.ids.policeShareId, demo.ids.schoolShareId],
  consentId: [randomUUID()],
  meetingId: [demo.ids.meetingId],
  // The demo's case meeting is also a (one-item) session.
  sessionId: [demo.ids.meetingId],
  agreementId: [demo.ids.overdueAgreementId, demo.ids.policeAgreementId],
  organisationId: [ORG.police, ORG.leerplicht],
  covenantId: [DEMO_COVENANT_ID],
  purposeId: ["schoolverzuim"],
  ruleId: ["politie-halt"],
  subjectId: [demo.ids.subjectId],
  subscriptionId: [randomUUID()],
});

const contact = { name: "J. Vos", function: "Jongerenwerker", reach: "jan@jw.example" };
const bodies = (): Record<string, unknown> => ({
  "POST /v1/covenants": {
    name: "Convenant",
    chair: {
      name: "SWV",
      partnerKind: "samenwerkingsverband",
      privacyOfficer: { name: "FG", email: "fg@example.org" },
    },
  },
  "POST /v1/covenants/{covenantId}/members": {
    organisationId: "org-nieuw",
    name: "Nieuw",
    partnerKind: "school-vo",
    privacyOfficer: { name: "FG", email: "fg@example.org" },
  },
  "POST /v1/covenants/{covenantId}/purposes": { purposeId: "nieuw-doel", description: "Doel" },
  "PUT /v1/covenants/{covenantId}/retention/{purposeId}": { yearsAfterClosure: 2 },
  "POST /v1/covenants/{covenantId}/sharing-rules": {
    sharerKind: "school-vo",
    dataCategories: ["verzuim"],
    recipientKinds: ["leerplicht"],
    legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
  },
  "POST /v1/cases": {
    covenantId: DEMO_COVENANT_ID,
    subject: { name: "Sam", dateOfBirth: "2011-02-03", school: "School" },
    contact,
    category: "drugs",
    level: "preventie",
    urgency: "high",
    description: "Een zorg.",
  },
  "POST /v1/cases/{caseId}/signals": {
    category: "verzuim",
    level: "preventie",
    urgency: "low",
    description: "Weer afwezig.",
  },
  "POST /v1/cases/{caseId}/invitations": { organisationId: ORG.wijkteam, message: "Graag" },
  "POST /v1/cases/{caseId}/participants": { contact },
  "PUT /v1/cases/{caseId}/regie": { organisationId: ORG.police },
  "POST /v1/cases/{caseId}/shares": {
    recipients: [ORG.leerplicht],
    dataCategories: ["verzuim"],
    legalBasisId: "leerplichtwet-21-verzuimmelding",
    purposeId: "schoolverzuim",
    necessity: "Verzuimmelding: sinds drie weken ongeoorloofd afwezig in de eerste twee uren.",
    content: "Weer afwezig.",
  },
  "POST /v1/cases/{caseId}/shares/{shareId}/corrections": { content: "Anders.", reason: "Fout" },
  "POST /v1/cases/{caseId}/consents": {
    giver: { role: "subject" },
    method: "verbal",
    evidenceReference: "Gespreksverslag 2025-03-01",
    scope: {
      dataCategories: ["verzuim"],
      recipientOrganisationIds: [ORG.leerplicht],
      purposeId: "schoolverzuim",
    },
    givenOn: "2025-01-02",
  },
  "POST /v1/cases/{caseId}/meetings": { scheduledFor: "2030-01-01T10:00:00Z", agenda: "Overleg" },
  "POST /v1/cases/{caseId}/meetings/{meetingId}/record": {
    heldAt: "2030-01-01T10:00:00Z",
    attendees: [
      { organisationId: ORG.police, userId: "wijkagent", confidentialityAcknowledged: true },
    ],
    minutes: "Besproken.",
    decisions: ["Afspraak"],
  },
  "POST /v1/cases/{caseId}/agreements": {
    what: "Huisbezoek",
    ownerOrganisationId: ORG.police,
    owner: { name: "Ine Bakker", function: "wijkagent", reach: "06-12345678" },
    dueDate: "2030-02-01",
    meetingId: demo.ids.meetingId,
  },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/due-date-changes": {
    dueDate: "2030-03-01",
    reason: "Later",
  },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/progress-notes": { note: "Gebeld" },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/completion": { note: "Gedaan" },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/cancellation": { reason: "Niet nodig" },
  "POST /v1/cases/{caseId}/closure": { outcome: "resolved", reason: "Hulp loopt" },
  "POST /v1/cases/{caseId}/reopening": { reason: "Nieuwe zorg" },
  "POST /v1/cases/{caseId}/retention-extensions": {
    retentionUntil: "2099-01-01T00:00:00Z",
    reason: "Procedure",
  },
  "POST /v1/webhooks": { url: "http://127.0.0.1:9/hooks", notificationTypes: ["share.received"] },
  "POST /v1/webhooks/{subscriptionId}/replays": { fromPosition: "1", toPosition: "99" },
  "POST /v1/themes": {
    covenantId: DEMO_COVENANT_ID,
    title: "Messen rond het station",
    description: "Oudere jongens laten messen zien.",
    category: "wapens",
    level: "preventie",
    places: { organisationIds: [ORG.secondarySchool], area: "Station" },
    audience: { kind: "members", organisationIds: [ORG.police] },
  },
  "POST /v1/themes/{themeId}/agenda": { sessionId: demo.ids.meetingId },
  "POST /v1/themes/{themeId}/discussions": {
    sessionId: demo.ids.meetingId,
    minutes: "Besproken.",
    decisions: ["Surveillance"],
  },
  "POST /v1/themes/{themeId}/actions": {
    what: "Voorlichting",
    ownerOrganisationId: ORG.police,
    dueDate: "2030-02-01",
  },
  "POST /v1/themes/{themeId}/actions/{actionId}/progress": { note: "Gestart" },
  "POST /v1/themes/{themeId}/actions/{actionId}/complete": { outcome: "Gegeven" },
  "POST /v1/subjects/{subjectId}/erasure": {
    covenantId: DEMO_COVENANT_ID,
    reason: "data-subject-request",
  },
});

/** Query parameters a route may take, each a name and a value that would be accepted. */
const queries: Record<string, [string, string][]> = {
  "GET /v1/agreements": [["status", "open"]],
  "GET /v1/worklist": [["since", "2025-01-01T00:00:00Z"]],
  "GET /v1/audit/disclosures": [
    ["covenant", DEMO_COVENANT_ID],
    ["organisation", ORG.police],
  ],
  "GET /v1/audit/access": [
    ["covenant", DEMO_COVENANT_ID],
    ["case", randomUUID()],
  ],
  "GET /v1/audit/cases": [
    ["covenant", DEMO_COVENANT_ID],
    ["limit", "2"],
  ],
  "GET /v1/audit/cases/{caseId}/visibility": [["organisation", ORG.police]],
  "GET /v1/audit/cases/{caseId}/visibility/changes": [["organisation", ORG.police]],
  "GET /v1/audit/integrity": [["covenant", DEMO_COVENANT_ID]],
  "GET /v1/subjects/{subjectId}/report": [["covenant", DEMO_COVENANT_ID]],
  "GET /v1/subjects/{subjectId}/report.pdf": [["covenant", DEMO_COVENANT_ID]],
  "GET /v1/webhooks/{subscriptionId}/deliveries": [["status", "dead-letter"]],
  "GET /v1/themes": [["covenant", DEMO_COVENANT_ID]],
  "GET /v1/trends/themes": [
    ["covenant", DEMO_COVENANT_ID],
    ["fromMonth", "2025-01"],
  ],
  "GET /v1/theme-overview.pdf": [
    ["covenant", DEMO_COVENANT_ID],
    ["toMonth", "2031-12"],
  ],
  "GET /v1/trends": [
    ["covenant", DEMO_COVENANT_ID],
    ["category", "drugs"],
  ],
};

const pathParameters = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The caller who would be admitted: the school for its own work, otherwise the chair organisation. */
const naturalCaller = (route: Route) =>
  /\/(shares|consents|signals|participants)(\/|$)|corrections$/.test(route.path) &&
  route.method !== "delete"
    ? callers[1]!
    : callers[0]!;

/**
 * Deterministic requests besides the random ones: each hostile value alone in each path
 * parameter and query parameter, each built-in name alone in each body field, the rest real.
 */
function examplesFor(route: Route): Hostile[] {
  const ids = realIds();
  const params = pathParameters(route.path).map((name) => ids[name]?.[0] ?? randomUUID());
  const query = queries[key(route)] ?? [];
  const leaves = stringLeaves(bodies()[key(route)]).length;
  const base: Hostile = { params, query, body: [], caller: naturalCaller(route) };
  const examples: Hostile[] = [base];
  for (const value of [...BUILT_IN_NAMES, ...MALFORMED_ENCODINGS.slice(0, 5)]) {
    for (const at of params.keys()) {
      examples.push({ ...base, params: params.map((id, i) => (i === at ? value : id)) });
    }
    for (const at of query.keys()) {
      const hostile = query.map(([name, real], i): [string, string] => [
        name,
        i === at ? value : real,
      ]);
      examples.push({ ...base, query: hostile });
    }
  }
  for (const value of BUILT_IN_NAMES) {
    for (let at = 0; at < leaves; at++) examples.push({ ...base, body: [{ at, value }] });
  }
  return examples;
}

/** One hostile request for a route: values for its parameters, query and body, and a caller. */
const requestFor = (route: Route): fc.Arbitrary<Hostile> => {
  const ids = realIds();
  const params = pathParameters(route.path).map((name) =>
    fc.oneof(hostileValue, fc.constantFrom(...(ids[name] ?? [randomUUID()]))),
  );
  const query = (queries[key(route)] ?? []).map(([name, value]) =>
    fc.tuple(fc.constant(name), fc.oneof(hostileValue, fc.constant(value))),
  );
  const leaves = stringLeaves(bodies()[key(route)]).length;
  return fc.record<Hostile>({
    params: fc.tuple(...params),
    query: fc.tuple(...query),
    body: fc.array(fc.record({ at: fc.nat(Math.max(leaves - 1, 0)), value: hostileValue }), {
      maxLength: Math.min(leaves, 3),
    }),
    caller: fc.constantFrom(...callers),
  });
};

/** What a hostile request carries; fast-check draws it from requestFor(route). */
type Hostile = {
  params: string[];
  query: [string, string][];
  body: { at: number; value: string }[];
  caller: string;
};

async function send(route: Route, input: Hostile) {
  let at = 0;
  // Path values go in raw: a malformed encoding must reach the server as it is.
  const path = route.path.replace(/\{\w+\}/g, () => String(input.params[at++]));
  const query = input.query.map(([name, value]) => `${name}=${value}`).join("&");
  const sample = bodies()[key(route)];
  const body = sample === undefined ? undefined : withLeaves(sample, input.body);
  const response = await fetch(`${demo.service.url}${path}${query ? `?${query}` : ""}`, {
    method: route.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${input.caller}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const asked = `${route.method} ${path}?${query}`;
  // An event stream that was opened never ends by itself: its status and headers are the answer.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return { response, text: "", asked };
  }
  return { response, text: await response.text(), asked };
}

describe("given every route declared in the route table", () => {
  test("the table is walked whole", () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  test("when each gets built-in names and malformed encodings, then none answers 5xx and every refusal is problem+json", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const result = await fc.check(
        fc.asyncProperty(requestFor(route), async (input) => {
          const { response, text, asked } = await send(route, input);
          expect(response.status, `${asked} → ${text}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type"), asked).toMatch(
              /^application\/problem\+json/,
            );
            const problem = JSON.parse(text);
            expect(problem.status, asked).toBe(response.status);
            expect(problem.type, asked).toMatch(new RegExp(`^${PROBLEM_BASE}`));
          }
        }),
        { numRuns: 15, examples: examplesFor(route).map((example) => [example]) },
      );
      if (result.failed) failures.push(`${key(route)}: ${String(result.errorInstance)}`);
    }
    expect(failures).toEqual([]);
    const unhandled = demo.service.logs.filter((line) => line.includes("unhandled error"));
    expect(unhandled).toEqual([]);
  }, 600_000);
});

describe("given built-in names used as ids in a case's life", () => {
  /** Calls as the demo's natural actor; answers must never be 5xx, refusals problem+json. */
  async function call(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${demo.service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path} → ${text}`).toBeLessThan(500);
    if (response.status >= 400) {
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
  }

  test.each(BUILT_IN_NAMES)(
    "when %s is the purpose of a share and a consent, then the case still answers without 5xx, closure included",
    async (name) => {
      const [chair, school] = [callers[0]!, callers[1]!];
      const leerplicht = callers[3]!;
      const opened = await call(school, "POST", "/v1/cases", bodies()["POST /v1/cases"]);
      const base = `/v1/cases/${opened.body.caseId}`;
      await call(chair, "POST", `${base}/invitations`, { organisationId: ORG.leerplicht });
      await call(leerplicht, "POST", `${base}/participants`, { contact });
      const share = bodies()["POST /v1/cases/{caseId}/shares"] as Record<string, unknown>;
      await call(school, "POST", `${base}/shares`, { ...share, purposeId: name });
      const consent = bodies()["POST /v1/cases/{caseId}/consents"] as { scope: object };
      await call(school, "POST", `${base}/consents`, {
        ...consent,
        scope: { ...consent.scope, purposeId: name },
      });
      await call(chair, "POST", `${base}/closure`, { outcome: "resolved", reason: "Klaar" });
      await call(chair, "GET", base);
    },
  );

  test.each(BUILT_IN_NAMES)(
    "when %s names a purpose, a sharing rule or a member of the covenant, then no 5xx",
    async (name) => {
      const chair = callers[0]!;
      const covenant = `/v1/covenants/${DEMO_COVENANT_ID}`;
      await call(chair, "PUT", `${covenant}/retention/${name}`, { yearsAfterClosure: 3 });
      await call(chair, "DELETE", `${covenant}/sharing-rules/${name}`);
      await call(chair, "DELETE", `${covenant}/members/${name}`);
      await call(chair, "GET", covenant);
    },
  );
});
