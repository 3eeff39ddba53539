import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CaseApi, ORG, startCaseApi } from "./cases/support/caseApi.js";
import {
  caseWithWijkteam,
  lawfulShare,
  openCaseBody,
  type Tokens,
  tokensFor,
} from "./cases/support/scenario.js";

// Hostile or broken input gets a 4xx problem+json naming the fault, writes nothing, and the
// service keeps answering.

let api: CaseApi;
let tokens: Tokens;
let caseId: string;
beforeAll(async () => {
  api = await startCaseApi("sqlite");
  tokens = await tokensFor(api);
  caseId = await caseWithWijkteam(api, tokens);
});
afterAll(() => api.close());

const sharePath = () => `/v1/cases/${caseId}/shares`;

async function expectProblem(
  response: Awaited<ReturnType<CaseApi["call"]>>,
  status: number,
  type: string,
) {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body.type).toBe(`https://casustafel.example/problems/${type}`);
}

describe("malformed requests to the share resource", () => {
  test("malformed JSON is 400 malformed-json", async () => {
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      raw: '{"recipients": [',
    });
    await expectProblem(response, 400, "malformed-json");
  });

  test("wrong types are 400 with a path per field", async () => {
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      body: lawfulShare({ recipients: "org-wijkteam", necessity: 42 }),
    });
    await expectProblem(response, 400, "validation");
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["/recipients", "/necessity"]));
  });

  test("unknown fields are refused, not ignored", async () => {
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      body: lawfulShare({ sharedBy: ORG.police }),
    });
    await expectProblem(response, 400, "validation");
  });

  test("a body above the limit is 413", async () => {
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      body: lawfulShare({ content: "x".repeat(70_000) }),
    });
    await expectProblem(response, 413, "payload-too-large");
  });

  test("__proto__ and constructor keys are refused", async () => {
    const proto = await api.call("POST", sharePath(), {
      token: tokens.school,
      raw: JSON.stringify(lawfulShare()).replace("{", '{"__proto__":{"isAdmin":true},'),
    });
    await expectProblem(proto, 400, "validation");
    expect(proto.body.errors[0].path).toBe("/__proto__");
    const nested = await api.call("POST", "/v1/cases", {
      token: tokens.school,
      body: { ...openCaseBody(), subject: { constructor: { prototype: {} } } },
    });
    await expectProblem(nested, 400, "validation");
  });

  test("a string beyond its maximum length is 400", async () => {
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      body: lawfulShare({ necessity: "n".repeat(4001) }),
    });
    await expectProblem(response, 400, "validation");
    expect(response.body.errors[0].path).toBe("/necessity");
  });

  test("a validation problem names the field, never the personal value sent in it", async () => {
    const secret = "Amira Jansen woont op de Lindelaan 4";
    const response = await api.call("POST", sharePath(), {
      token: tokens.school,
      body: lawfulShare({ content: secret.repeat(600), recipients: [secret], purposeId: secret }),
    });
    await expectProblem(response, 400, "validation");
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["/content", "/recipients/0", "/purposeId"]));
    expect(JSON.stringify(response.body)).not.toContain("Amira");
  });

  test("an invalid UUID in the path is 400 before any lookup", async () => {
    for (const path of [
      "/v1/cases/not-a-uuid",
      "/v1/cases/1%27%20OR%201=1/shares",
      `/v1/cases/${caseId}/shares/..%2F..%2Fetc`,
    ]) {
      const method = path.endsWith("/shares")
        ? "POST"
        : path.includes("/shares/")
          ? "DELETE"
          : "GET";
      const response = await api.call(method, path, {
        token: tokens.school,
        body: method === "POST" ? lawfulShare() : undefined,
      });
      await expectProblem(response, 400, "validation");
    }
  });

  test("a body that is not JSON is 415; a JSON array is 400", async () => {
    const text = await api.call("POST", sharePath(), {
      token: tokens.school,
      raw: "recipients=org-wijkteam",
      headers: { "content-type": "text/plain" },
    });
    await expectProblem(text, 415, "unsupported-media-type");
    const array = await api.call("POST", sharePath(), { token: tokens.school, body: [1, 2] });
    await expectProblem(array, 400, "validation");
  });
});

test("after all of that nothing was written and the service still answers", async () => {
  const events = await api.caseEvents(caseId);
  expect(events.map((event) => event.type)).not.toContain("InformationShared");
  const health = await api.call("GET", "/health");
  expect(health.status).toBe(200);
  const share = await api.call("POST", sharePath(), { token: tokens.school, body: lawfulShare() });
  expect(share.status).toBe(201);
});
