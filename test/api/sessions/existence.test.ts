import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { COVENANT_ID, ORG } from "../cases/support/caseApi.js";
import { caseApiForFile, caseWithWijkteam } from "../cases/support/scenario.js";

// Rule 1 for sessions: a session, or an agenda item, the caller may not see answers exactly as
// an unknown id does, on every /v1/sessions/{sessionId} route, and nothing is written.

const given = caseApiForFile();
const AT = "2031-06-01T09:00:00Z";
const BODIES: Record<string, unknown> = {
  "POST /v1/sessions/{sessionId}/reschedule": {
    startsAt: AT,
    endsAt: "2031-06-01T10:00:00Z",
    reason: "x",
  },
  "POST /v1/sessions/{sessionId}/cancel": { reason: "x" },
  "POST /v1/sessions/{sessionId}/agenda": { caseId: randomUUID(), question: "Vraag" },
  "PUT /v1/sessions/{sessionId}/agenda/order": { itemIds: [] },
  "POST /v1/sessions/{sessionId}/agenda/{itemId}/record": {
    heldAt: AT,
    attendees: [{ organisationId: ORG.chair, userId: "v", confidentialityAcknowledged: true }],
    minutes: "Notulen",
    decisions: [],
  },
  "POST /v1/sessions/{sessionId}/agenda/{itemId}/minutes/approve": {},
  "POST /v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections": { minutes: "Anders" },
  "POST /v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections/{correctionId}/resolve": {
    accepted: true,
  },
  "POST /v1/sessions/{sessionId}/agenda/{itemId}/minutes/addenda": { text: "Aanvulling" },
};

async function sessionWithItem() {
  const { api, tokens } = given;
  const caseId = await caseWithWijkteam(api, tokens);
  const plan = await api.call("POST", "/v1/sessions", {
    token: tokens.chair,
    body: {
      covenantId: COVENANT_ID,
      startsAt: AT,
      endsAt: "2031-06-01T11:00:00Z",
      videoLink: "https://vergader.example/tafel",
      plannedOrganisationIds: [ORG.police],
    },
  });
  const sessionId = plan.body.sessionId as string;
  const added = await api.call("POST", `/v1/sessions/${sessionId}/agenda`, {
    token: tokens.chair,
    body: { caseId, question: "Vraag" },
  });
  return { sessionId, itemId: added.body.itemId as string };
}

/** Asks a route for the hidden ids and for random ones: equal answers, 4xx, nothing written. */
async function expectSameAnswer(
  method: string,
  path: string,
  ids: Record<string, string>,
  randomised: string,
  token: string,
  headers: Record<string, string>,
) {
  const { api } = given;
  const fill = (values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? randomUUID());
  const random = { [randomised]: randomUUID() };
  const body = BODIES[`${method.toUpperCase()} ${path}`];
  const before = await api.system.store.headPosition();
  const forReal = await api.call(method.toUpperCase(), fill(ids), { token, body, headers });
  const forRandom = await api.call(method.toUpperCase(), fill({ ...ids, ...random }), {
    token,
    body,
    headers,
  });
  expect(forReal.status, `${method} ${path}`).toBe(404);
  expect({ status: forReal.status, body: forReal.body }).toEqual({
    status: forRandom.status,
    body: forRandom.body,
  });
  expect(await api.system.store.headPosition()).toBe(before);
}

const sessionRoutes = () =>
  given.api.routes.filter((route) => route.path.startsWith("/v1/sessions/{sessionId}"));

describe("given a session the caller may not see", () => {
  test("when a stranger uses any session route, with or without If-Match, then it is an unknown session", async () => {
    const { api } = given;
    const { sessionId, itemId } = await sessionWithItem();
    const stranger = await api.token(ORG.jongerenwerk, ["chair", "professional"]);
    expect(sessionRoutes().length).toBeGreaterThanOrEqual(11);
    for (const route of sessionRoutes()) {
      const preconditions: Record<string, string>[] = [
        {},
        { "if-match": '"0"' },
        { "if-match": "*" },
      ];
      for (const headers of preconditions) {
        if (route.method === "get" && "if-match" in headers) continue;
        const ids = { sessionId, itemId };
        await expectSameAnswer(route.method, route.path, ids, "sessionId", stranger, headers);
      }
    }
  });

  test("when a planned organisation names the item of a case it does not have, then it is an unknown item", async () => {
    const { api } = given;
    const { sessionId, itemId } = await sessionWithItem();
    const police = await api.token(ORG.police, ["chair", "professional"]);
    const itemRoutes = sessionRoutes().filter((route) => route.path.includes("{itemId}"));
    expect(itemRoutes.length).toBeGreaterThanOrEqual(6);
    for (const route of itemRoutes) {
      await expectSameAnswer(route.method, route.path, { sessionId, itemId }, "itemId", police, {});
    }
    const seen = await api.call("GET", `/v1/sessions/${sessionId}`, {
      token: police,
      headers: { "min-position": (await api.system.store.headPosition()).toString() },
    });
    expect(seen.status).toBe(200);
    expect(seen.body.agenda).toEqual([]);
  });
});
