import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import type { Route } from "../../src/api/http/routeDefinition.js";
import type { Role } from "../../src/domain/index.js";
import { accessRecordsFrom } from "../../src/privacy/accessRecords.js";
import { themeReadRecordsFrom } from "../../src/privacy/themeReads.js";
import { COVENANT_ID, ORG } from "./cases/support/caseApi.js";
import { populatedCaseApi } from "./cases/support/populated.js";
import { sampleBodies } from "./cases/support/samples.js";
import { NECESSITY, PLAINTEXTS, SUBJECT } from "./cases/support/scenario.js";
import { pdfText } from "./sessions/documents/pdfText.js";

// Rule 8 and issue 13: the recorded read is the one corridor content leaves by. Every route of
// the route table is called by every kind of caller on a world whose personal fields and case
// content are known plaintexts; an answer that carries any of them must have put a read record
// on file under its own request id first. A new route is walked without being named here.

const populated = populatedCaseApi();
const QUESTION = "Wie spreekt de moeder van Noah deze week?";
const MINUTES = "Noah vertelde over de oudere jongens bij het plein.";
// A theme restricted to named members: its texts are content like any other (issue 16).
const THEME_TEXT = "Oudere jongens laten messen zien bij het station.";
const ACTION = "Surveillance bij het station na schooltijd";
const CONTENT = [
  ...PLAINTEXTS,
  NECESSITY,
  SUBJECT.school,
  "Els de Vries",
  "Huisbezoek plannen",
  "Karim El Amrani",
  QUESTION,
  MINUTES,
  THEME_TEXT,
  ACTION,
];

const callers: [string, Role][] = [
  [ORG.school, "professional"],
  [ORG.wijkteam, "professional"],
  [ORG.police, "professional"],
  [ORG.chair, "chair"],
  [ORG.chair, "privacy-officer"],
  [ORG.wijkteam, "privacy-officer"],
  [ORG.jongerenwerk, "professional"],
  [ORG.wijkteam, "admin"],
  [ORG.chair, "analyst"],
];

const ids: Record<string, string> = {};
const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in ids)) throw new Error(`the corridor walk has no id for {${name}} in ${path}`);
    return ids[name]!;
  });

/** The route's query parameters that name something the world has (a covenant, a case). */
const queryFor = (route: Route) => {
  const shape = route.query instanceof z.ZodObject ? Object.keys(route.query.shape) : [];
  const known = shape
    .filter((name) => name in ids)
    .map((name): [string, string] => [name, ids[name]!]);
  return known.length === 0 ? "" : `?${new URLSearchParams(known)}`;
};

/** A request body that the route accepts, where one is known; else an empty object. */
const bodyFor = (method: string, path: string): unknown => {
  const key = `${method.toUpperCase()} ${path}`;
  if (key in sampleBodies) return sampleBodies[key];
  if (key === "POST /v1/persons/lookup") {
    return {
      covenantId: COVENANT_ID,
      identity: { name: SUBJECT.name, dateOfBirth: SUBJECT.dateOfBirth },
    };
  }
  return method === "get" || method === "delete" ? undefined : {};
};

beforeAll(async () => {
  const { api, tokens, ids: caseIds } = populated;
  Object.assign(ids, caseIds, {
    covenantId: COVENANT_ID,
    covenant: COVENANT_ID,
    purposeId: "zorg-jeugdige",
    activityId: "casusoverleg",
    version: "1",
  });
  const post = async (path: string, body: unknown) => {
    const answer = await api.call("POST", path, { token: tokens.chair, body });
    expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  };
  const { sessionId } = await post("/v1/sessions", {
    covenantId: COVENANT_ID,
    startsAt: "2031-05-01T09:00:00+02:00",
    endsAt: "2031-05-01T11:00:00+02:00",
    location: "Stadhuis",
    plannedOrganisationIds: [ORG.school, ORG.wijkteam],
  });
  const { itemId } = await post(`/v1/sessions/${sessionId}/agenda`, {
    caseId: caseIds.caseId,
    question: QUESTION,
  });
  await post(`/v1/sessions/${sessionId}/agenda/${itemId}/record`, {
    heldAt: "2031-05-01T09:30:00+02:00",
    attendees: [
      { organisationId: ORG.chair, userId: "voorzitter", confidentialityAcknowledged: true },
      { organisationId: ORG.wijkteam, userId: "wijkcoach", confidentialityAcknowledged: true },
    ],
    minutes: MINUTES,
    decisions: [],
  });
  const { themeId } = await post("/v1/themes", {
    covenantId: COVENANT_ID,
    title: "Messen rond het station",
    description: THEME_TEXT,
    category: "wapens",
    level: "preventie",
    places: { organisationIds: [ORG.school], area: null },
    audience: { kind: "members", organisationIds: [ORG.chair, ORG.police] },
  });
  const { actionId } = await post(`/v1/themes/${themeId}/actions`, {
    what: ACTION,
    ownerOrganisationId: ORG.police,
    dueDate: "2031-06-01",
  });
  const opened = (await api.caseEvents(caseIds.caseId)).find((e) => e.type === "SignalRaised");
  Object.assign(ids, {
    sessionId,
    itemId,
    subjectId: opened?.data.subjectId as string,
    correctionId: randomUUID(),
    mergeId: randomUUID(),
    ruleId: randomUUID(),
    subscriptionId: randomUUID(),
    themeId,
    actionId,
  });
});

/** The answer's text as a reader gets it: JSON or text as sent, a PDF's extracted text, a stream's first chunk. */
async function answerText(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("application/pdf")) return pdfText(Buffer.from(await response.arrayBuffer()));
  if (type.startsWith("text/event-stream")) {
    const reader = response.body!.getReader();
    const first = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 300)),
    ]);
    await reader.cancel();
    return first?.value ? new TextDecoder().decode(first.value) : "";
  }
  return response.text();
}

async function recordsOf(requestId: string) {
  const events = await populated.api.system.store.readAll({ limit: Number.MAX_SAFE_INTEGER });
  const records = [...events.flatMap(accessRecordsFrom), ...events.flatMap(themeReadRecordsFrom)];
  return records.filter((record) => record.correlationId === requestId);
}

/** Calls a route as a caller; says which plaintexts the answer carried and what it put on record. */
async function walk(route: Route, [org, role]: [string, Role]) {
  const { api } = populated;
  const { method, path } = route;
  const body = bodyFor(method, path);
  const head = (await api.system.store.headPosition()).toString();
  const response = await fetch(`${api.url}${fill(path)}${queryFor(route)}`, {
    method: method.toUpperCase(),
    headers: {
      authorization: `Bearer ${await api.token(org, [role])}`,
      "min-position": head,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answerText(response);
  const carried = CONTENT.filter((plaintext) => text.includes(plaintext));
  const requestId = response.headers.get("x-request-id") ?? "";
  return { status: response.status, carried, records: await recordsOf(requestId) };
}

const reads = () => populated.api.routes.filter((route) => route.method === "get");
const writes = () => populated.api.routes.filter((route) => route.method !== "get");
const withContent = new Set<string>();

describe("the recorded-read corridor over the whole route table", () => {
  test("every read route, by every kind of caller: content only with its read record", async () => {
    for (const route of reads()) {
      for (const caller of callers) {
        const { status, carried, records } = await walk(route, caller);
        const where = `${route.method.toUpperCase()} ${route.path} as ${caller.join(" ")}: ${status}`;
        expect(status, where).toBeLessThan(500);
        if (carried.length === 0) continue;
        withContent.add(route.path);
        expect(
          records.length,
          `${where} carried ${carried.length} plaintexts unrecorded`,
        ).toBeGreaterThan(0);
        expect(
          records.every((record) => record.itemIds.length > 0),
          where,
        ).toBe(true);
      }
    }
    // The walk is not vacuous: the routes that serve content were reached and did.
    expect([...withContent]).toEqual(
      expect.arrayContaining([
        "/v1/cases",
        "/v1/cases/{caseId}",
        "/v1/agreements",
        "/v1/sessions/{sessionId}",
        "/v1/sessions/{sessionId}/minutes.pdf",
        "/v1/subjects/{subjectId}/report",
        "/v1/subjects/{subjectId}/report.pdf",
        "/v1/themes",
        "/v1/themes/{themeId}",
        "/v1/collective-actions",
      ]),
    );
  }, 240_000);

  test("every write route, by every kind of caller: an answer never carries content unrecorded", async () => {
    for (const route of writes()) {
      for (const caller of callers) {
        const { status, carried, records } = await walk(route, caller);
        const where = `${route.method.toUpperCase()} ${route.path} as ${caller.join(" ")}: ${status}`;
        expect(status, where).toBeLessThan(500);
        if (carried.length > 0)
          expect(records.length, `${where} carried content unrecorded`).toBeGreaterThan(0);
      }
    }
  }, 240_000);
});
