import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startTestApi, type TestApi } from "./support/testApi.js";

let t: TestApi;
let authorization: string;
beforeAll(async () => {
  t = await startTestApi();
  authorization = `Bearer ${await t.token("org-school", ["professional"])}`;
});
afterAll(() => t.close());

function postThing(body: string, contentType = "application/json") {
  return fetch(`${t.url}/v1/things`, {
    method: "POST",
    headers: { authorization, "content-type": contentType },
    body,
  });
}

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  const problem = await problemOf(response);
  expect(problem.type).toBe(`https://casustafel.example/problems/${type}`);
  return problem;
}

describe("request input", () => {
  it("a valid body is accepted (control)", async () => {
    const response = await postThing(
      JSON.stringify({ label: "ok", count: 1, detail: { note: "n" } }),
    );
    expect(response.status).toBe(201);
  });

  it("malformed JSON is 400", async () => {
    await expectProblem(await postThing('{"label": "x", '), 400, "malformed-json");
  });

  it("a body that is not JSON is 415", async () => {
    await expectProblem(await postThing("label=x", "text/plain"), 415, "unsupported-media-type");
  });

  it("wrong types are 400 with the field paths", async () => {
    const problem = await expectProblem(
      await postThing(JSON.stringify({ label: 7, count: "three" })),
      400,
      "validation",
    );
    const paths = (problem.errors as { in: string; path: string }[]).map(
      (error) => `${error.in}:${error.path}`,
    );
    expect(paths).toEqual(expect.arrayContaining(["body:/label", "body:/count"]));
  });

  it("unknown fields are 400, at the top and nested", async () => {
    const top = await expectProblem(
      await postThing(JSON.stringify({ label: "x", count: 1, role: "admin" })),
      400,
      "validation",
    );
    expect(JSON.stringify(top.errors)).toContain("role");
    const nested = await postThing(
      JSON.stringify({ label: "x", count: 1, detail: { note: "n", extra: true } }),
    );
    await expectProblem(nested, 400, "validation");
  });

  it.each(["__proto__", "constructor", "prototype"])(
    "a %s key anywhere in the body is 400",
    async (key) => {
      const body = `{"label":"x","count":1,"detail":{"note":"n","${key}":{"polluted":true}}}`;
      const problem = await expectProblem(await postThing(body), 400, "validation");
      expect(problem.errors).toEqual([
        { in: "body", path: `/detail/${key}`, message: "this key is not allowed" },
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("a string longer than its maximum is 400", async () => {
    const problem = await expectProblem(
      await postThing(JSON.stringify({ label: "x".repeat(201), count: 1 })),
      400,
      "validation",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "/label" })]);
  });

  it("a body over the configured limit is 413", async () => {
    const body = JSON.stringify({ label: "x", count: 1, tags: ["y".repeat(8000)] });
    await expectProblem(await postThing(body), 413, "payload-too-large");
  });

  it("an invalid UUID in the path is 400", async () => {
    const response = await fetch(`${t.url}/v1/things/not-a-uuid`, { headers: { authorization } });
    const problem = await expectProblem(response, 400, "validation");
    expect(problem.errors).toEqual([expect.objectContaining({ in: "params", path: "/thingId" })]);
  });

  it("an unknown query parameter is 400", async () => {
    const response = await fetch(`${t.url}/v1/slow?ms=1&debug=1`);
    await expectProblem(response, 400, "validation");
  });

  it("an unknown route is 404 and a known path with another method is 405 with Allow", async () => {
    await expectProblem(
      await fetch(`${t.url}/v1/nothing-here`, { headers: { authorization } }),
      404,
      "not-found",
    );
    const response = await fetch(`${t.url}/v1/things`, {
      method: "DELETE",
      headers: { authorization },
    });
    await expectProblem(response, 405, "method-not-allowed");
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("a domain rule refusal is 422 with its code and rule", async () => {
    const response = await fetch(`${t.url}/v1/refusals`, {
      method: "POST",
      headers: { authorization },
    });
    const problem = await expectProblem(response, 422, "share-refused");
    expect(problem).toMatchObject({ code: "share_refused", rule: "recipient_must_be_participant" });
  });

  it("an unexpected error is a generic 500 that reveals nothing", async () => {
    const response = await fetch(`${t.url}/v1/failure`, { headers: { authorization } });
    const problem = await expectProblem(response, 500, "internal");
    expect(JSON.stringify(problem)).not.toContain("Jansen");
  });

  it("a response that breaks its documented schema is caught before the client sees it", async () => {
    const response = await fetch(`${t.url}/v1/drifting`, { headers: { authorization } });
    const problem = await expectProblem(response, 500, "internal");
    expect(JSON.stringify(problem)).not.toContain("subjectName");
  });

  it("after all of this the service is still up", async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await postThing(JSON.stringify({ label: "still", count: 2 }))).status).toBe(201);
  });
});
