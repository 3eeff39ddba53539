import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startTestApi, type TestApi, thingOf } from "../support/testApi.js";

let t: TestApi;
let authorization: string;
beforeAll(async () => {
  t = await startTestApi();
  authorization = `Bearer ${await t.token("org-school", ["professional"])}`;
});
afterAll(() => t.close());

function post(body: object, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/v1/things`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function put(id: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/v1/things/${id}`, {
    method: "PUT",
    headers: { authorization, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("Idempotency-Key on a route that ignores it", () => {
  it("given a POST handler that never hands the key to a command, then the request fails loudly instead of pretending to be idempotent", async () => {
    const answer = await post(
      { label: "a", count: 1 },
      { "idempotency-key": `key-${crypto.randomUUID()}` },
    );
    expect(answer.status).toBe(500);
    expect((await problemOf(answer)).type).toBe("https://casustafel.example/problems/internal");
    expect(t.logs.join("\n")).toContain("routeRunner.ts");
  });

  it("a malformed key is 400", async () => {
    expect((await post({ label: "a", count: 1 }, { "idempotency-key": "short" })).status).toBe(400);
  });
});

describe("ETag and If-Match", () => {
  it("a write returns the revision as ETag and the position; a read returns the same ETag", async () => {
    const created = await post({ label: "a", count: 1 });
    expect(created.headers.get("etag")).toBe('"0"');
    expect(created.headers.get("position")).toMatch(/^\d+$/);
    const { id } = await thingOf(created);
    const read = await fetch(`${t.url}/v1/things/${id}`, { headers: { authorization } });
    expect(read.headers.get("etag")).toBe('"0"');
  });

  it("a write with the current ETag succeeds and one with a stale ETag is 412", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    const current = await put(id, { label: "b", count: 2 }, { "if-match": '"0"' });
    expect(current.status).toBe(200);
    expect(current.headers.get("etag")).toBe('"1"');
    const stale = await put(id, { label: "c", count: 3 }, { "if-match": '"0"' });
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).type).toBe(
      "https://casustafel.example/problems/precondition-failed",
    );
    const read = await thingOf(fetch(`${t.url}/v1/things/${id}`, { headers: { authorization } }));
    expect(read.label).toBe("b");
  });

  it("an If-Match that can never match (weak or malformed) is 412", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    expect((await put(id, { label: "b", count: 2 }, { "if-match": 'W/"0"' })).status).toBe(412);
    expect((await put(id, { label: "b", count: 2 }, { "if-match": "zero" })).status).toBe(412);
  });
});

describe("Min-Position", () => {
  it("a read at a reached position is served", async () => {
    const created = await post({ label: "a", count: 1 });
    const { id } = await thingOf(created);
    const read = await fetch(`${t.url}/v1/things/${id}`, {
      headers: { authorization, "min-position": created.headers.get("position")! },
    });
    expect(read.status).toBe(200);
  });

  it("a read at a position not reached in time is 503 with Retry-After", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    const beyond = (await t.store.headPosition()) + 1000n;
    const started = Date.now();
    const read = await fetch(`${t.url}/v1/things/${id}`, {
      headers: { authorization, "min-position": String(beyond) },
    });
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBe("1");
    expect((await problemOf(read)).type).toBe(
      "https://casustafel.example/problems/not-yet-consistent",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(t.config.minPositionWaitMs - 20);
  });

  it("a malformed Min-Position is 400", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    const read = await fetch(`${t.url}/v1/things/${id}`, {
      headers: { authorization, "min-position": "-1" },
    });
    expect(read.status).toBe(400);
  });
});

describe("JSON answers and conditional reads", () => {
  it("given a thing, when it is read, then the answer is UTF-8 JSON with its exact length", async () => {
    const { id } = await thingOf(post({ label: "één", count: 1 }));
    const read = await fetch(`${t.url}/v1/things/${id}`, { headers: { authorization } });
    const bytes = Buffer.from(await read.arrayBuffer());
    expect(read.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Number(read.headers.get("content-length"))).toBe(bytes.length);
    expect(JSON.parse(bytes.toString("utf8"))).toMatchObject({ label: "één", count: 1 });
  });

  it("given a read's ETag, when it is read again with If-None-Match, then 304 without a body while it holds and 200 once the thing changed", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    // fetch adds `Cache-Control: no-cache` to a conditional request unless one is given, and
    // no-cache asks for a full answer.
    const conditional = { authorization, "if-none-match": '"0"', "cache-control": "max-age=0" };
    const unchanged = await fetch(`${t.url}/v1/things/${id}`, { headers: conditional });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("content-type")).toBeNull();
    await put(id, { label: "b", count: 2 }, { "if-match": '"0"' });
    const changed = await fetch(`${t.url}/v1/things/${id}`, { headers: conditional });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).toBe('"1"');
  });

  it("given If-None-Match: *, then an answer with or without an ETag is 304, as express answers it", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    const any = { "if-none-match": "*", "cache-control": "max-age=0" };
    const thing = await fetch(`${t.url}/v1/things/${id}`, { headers: { authorization, ...any } });
    expect(thing.status).toBe(304);
    const admin = `Bearer ${await t.token("org-school", ["admin"])}`;
    const report = await fetch(`${t.url}/v1/admin-report`, {
      headers: { authorization: admin, ...any },
    });
    expect(report.headers.get("etag")).toBeNull();
    expect(report.status).toBe(304);
  });

  it("a HEAD is answered with the GET's headers and no body", async () => {
    const { id } = await thingOf(post({ label: "a", count: 1 }));
    const head = await fetch(`${t.url}/v1/things/${id}`, {
      method: "HEAD",
      headers: { authorization },
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await head.text()).toBe("");
  });
});
