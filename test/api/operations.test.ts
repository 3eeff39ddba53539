import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProblemKind, problemCatalogue, problemType } from "../../src/api/http/problems.js";
import { problemOf, startTestApi, type TestApi, thingOf } from "./support/testApi.js";

let t: TestApi;
let authorization: string;
beforeAll(async () => {
  t = await startTestApi();
  authorization = `Bearer ${await t.token("org-school", ["professional"])}`;
});
afterAll(() => t.close());

describe("operations", () => {
  it("every response carries security headers and no X-Powered-By", async () => {
    for (const path of ["/health", "/v1/nothing"]) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("strict-transport-security")).toContain("max-age=");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("/health and /ready answer", async () => {
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: "up" });
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("/openapi.json is an OpenAPI 3.1 document with every route and every problem type", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test walks an arbitrary JSON document
    const document: any = await (await fetch(`${t.url}/openapi.json`)).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/v1/things", "/v1/things/{thingId}", "/v1/refusals"]),
    );
    const read = document.paths["/v1/things/{thingId}"].get;
    expect(read.parameters).toContainEqual(
      expect.objectContaining({ name: "thingId", in: "path", required: true }),
    );
    expect(read.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Thing",
    });
    expect(read.responses["404"].content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(read.responses["401"]).toBeDefined();
    const create = document.paths["/v1/things"].post;
    expect(create.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header" }),
    );
    expect(create.responses["422"]).toBeDefined();
    expect(document.components.schemas.Thing.properties.id.format).toBe("uuid");
    const allTypes = Object.keys(problemCatalogue).map((kind) => problemType(kind as ProblemKind));
    expect(document.components.schemas.ProblemType.enum).toEqual(allTypes);
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });

  it("/docs is a self-contained HTML reference of the same routes", async () => {
    const response = await fetch(`${t.url}/docs`);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/v1/things/{thingId}");
    expect(html).toContain("Record a thing");
    expect(html).not.toMatch(/<script|https?:\/\/(?!casustafel\.example)[a-z]/i);
  });

  it("/metrics exports request counts per route pattern, append latency and projection lag", async () => {
    const { id } = await thingOf(
      fetch(`${t.url}/v1/things`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ label: "m", count: 1 }),
      }),
    );
    await fetch(`${t.url}/v1/things/${id}`, { headers: { authorization } });
    t.api.metrics.projectionLagEvents.set({ projection: "caseView" }, 3);
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="/v1/things/{thingId}",status="200"} 1',
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/v1\/things",status="201"\}/,
    );
    expect(text).toMatch(/event_store_append_seconds_count\{outcome="ok"\} [1-9]/);
    expect(text).toContain('projection_lag_events{projection="caseView"} 3');
    expect(text).not.toContain(id);
  });
});

describe("rate limiting", () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({ RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(() => limited.close());

  it("a user over the limit gets 429 with Retry-After while another user is still served", async () => {
    const busy = `Bearer ${await limited.token("org-school", ["admin"], "busy-user")}`;
    const calm = `Bearer ${await limited.token("org-school", ["admin"], "calm-user")}`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${limited.url}/v1/admin-report`, { headers: { authorization: busy } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await problemOf(last!)).type).toBe("https://casustafel.example/problems/rate-limited");
    expect(
      (await fetch(`${limited.url}/v1/admin-report`, { headers: { authorization: calm } })).status,
    ).toBe(200);
  });
});
