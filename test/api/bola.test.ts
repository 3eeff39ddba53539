import { describe, expect, test } from "vitest";
import { ORG } from "./cases/support/caseApi.js";
import { populatedCaseApi } from "./cases/support/populated.js";
import { fillPath, sampleBodies } from "./cases/support/samples.js";
import { populatedCase } from "./cases/support/scenario.js";

// Broken object-level authorisation: for a caller whose organisation does not take part in
// the case, every case resource answers exactly as for a case that does not exist.

const populated = populatedCaseApi();

const caseRoutes = () =>
  populated.api.routes.filter((route) => route.path.startsWith("/v1/cases/{caseId}"));
const keyOf = (route: { method: string; path: string }) =>
  `${route.method.toUpperCase()} ${route.path}`;

test("every case resource has a valid sample request, so none escapes this suite", () => {
  expect(caseRoutes().length).toBeGreaterThanOrEqual(19);
  for (const route of caseRoutes()) expect(Object.keys(sampleBodies)).toContain(keyOf(route));
});

describe("a caller from a non-participating organisation", () => {
  test.each(Object.keys(sampleBodies))(
    "%s: 404, nothing written, no read recorded",
    async (key) => {
      const { api, tokens, ids } = populated;
      const [method, path] = key.split(" ") as [string, string];
      const eventsBefore = (await api.caseEvents(ids.caseId)).length;
      const response = await api.call(method, fillPath(path, ids), {
        token: tokens.stranger,
        body: sampleBodies[key],
      });
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toEqual({
        type: "https://casustafel.example/problems/not-found",
        title: "Not found",
        status: 404,
        detail: "No such case",
      });
      expect(await api.caseEvents(ids.caseId)).toHaveLength(eventsBefore);
      const reads = await api.accessRecords(ids.caseId);
      expect(reads.filter((read) => read.organisationId === ORG.jongerenwerk)).toEqual([]);
    },
  );

  test("its answer for a real case equals the answer for a random id", async () => {
    const { api, tokens, ids } = populated;
    const real = await api.call("GET", `/v1/cases/${ids.caseId}`, { token: tokens.stranger });
    const random = await api.call("GET", `/v1/cases/${crypto.randomUUID()}`, {
      token: tokens.stranger,
    });
    expect(real.status).toBe(random.status);
    expect(real.body).toEqual(random.body);
  });

  test("a stale If-Match does not reveal the case with a 412", async () => {
    const { api, tokens, ids } = populated;
    const response = await api.call("PUT", `/v1/cases/${ids.caseId}/regie`, {
      token: tokens.stranger,
      body: { organisationId: ORG.wijkteam },
      headers: { "if-match": '"0"' },
    });
    expect(response.status).toBe(404);
  });

  test("leaving with its own organisation id is 404 too", async () => {
    const { api, tokens, ids } = populated;
    const response = await api.call(
      "DELETE",
      `/v1/cases/${ids.caseId}/participants/${ORG.jongerenwerk}`,
      { token: tokens.stranger },
    );
    expect(response.status).toBe(404);
  });
});

test("the organisation is the token's: naming a participant in a header or the body does not let a stranger in", async () => {
  const { api, tokens, ids } = populated;
  const eventsBefore = (await api.caseEvents(ids.caseId)).length;
  const claimed = {
    "x-organisation-id": ORG.school,
    "x-org": ORG.school,
    organisation: ORG.school,
  };

  const read = await api.call("GET", `/v1/cases/${ids.caseId}`, {
    token: tokens.stranger,
    headers: claimed,
  });
  const share = await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: tokens.stranger,
    headers: claimed,
    body: {
      ...(sampleBodies["POST /v1/cases/{caseId}/shares"] as object),
      organisationId: ORG.school,
    },
  });

  expect(read.status).toBe(404);
  expect([400, 404]).toContain(share.status);
  expect(await api.caseEvents(ids.caseId)).toHaveLength(eventsBefore);
});

test("an organisation that left no longer finds the case", async () => {
  const { api, tokens } = populated;
  const own = await populatedCase(api, tokens);
  const left = await api.call("DELETE", `/v1/cases/${own.caseId}/participants/${ORG.wijkteam}`, {
    token: tokens.wijkteam,
  });
  expect(left.status).toBe(200);
  const read = await api.call("GET", `/v1/cases/${own.caseId}`, { token: tokens.wijkteam });
  expect(read.status).toBe(404);
});
