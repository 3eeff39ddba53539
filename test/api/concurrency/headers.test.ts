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

describe("Idempotency-Key", () => {
  it("the same key and body replay the first response and write nothing", async () => {
    const key = `key-${crypto.randomUUID()}`;
    const first = await post({ label: "a", count: 1 }, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const head = await t.store.headPosition();

    const again = await post({ count: 1, label: "a" }, { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await again.json()).toEqual(firstBody);
    expect(await t.store.headPosition()).toBe(head);
  });

  it("the same key with a different body is 422 and writes nothing", async () => {
    const key = `key-${crypto.randomUUID()}`;
    expect((await post({ label: "a", count: 1 }, { "idempotency-key": key })).status).toBe(201);
    const head = await t.store.headPosition();
    const reused = await post({ label: "a", count: 2 }, { "idempotency-key": key });
    expect(reused.status).toBe(422);
    expect((await problemOf(reused)).type).toBe(
      "https://casustafel.example/problems/idempotency-key-reused",
    );
    expect(await t.store.headPosition()).toBe(head);
  });

  it("keys are per user: another user's identical request runs on its own", async () => {
    const key = `key-${crypto.randomUUID()}`;
    const first = await thingOf(post({ label: "a", count: 1 }, { "idempotency-key": key }));
    const other = `Bearer ${await t.token("org-police", ["professional"])}`;
    const second = await post(
      { label: "a", count: 1 },
      { "idempotency-key": key, authorization: other },
    );
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect((await thingOf(second)).id).not.toBe(first.id);
  });

  it("concurrent retries with one key run the handler once", async () => {
    const key = `key-${crypto.randomUUID()}`;
    const head = await t.store.headPosition();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post({ label: "c", count: 3 }, { "idempotency-key": key })),
    );
    const created = responses.filter(
      (r) => r.status === 201 && r.headers.get("idempotent-replayed") === null,
    );
    expect(created).toHaveLength(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const things = (await t.store.readAll({ fromPosition: head })).filter(
      (e) => e.type === "ThingRecorded",
    );
    expect(things).toHaveLength(1);
  });

  it("a failed request releases the key so a retry can succeed", async () => {
    const key = `key-${crypto.randomUUID()}`;
    const refused = await fetch(`${t.url}/v1/refusals`, {
      method: "POST",
      headers: { authorization, "idempotency-key": key },
    });
    expect(refused.status).toBe(422);
    const retried = await fetch(`${t.url}/v1/refusals`, {
      method: "POST",
      headers: { authorization, "idempotency-key": key },
    });
    expect((await problemOf(retried)).type).toBe(
      "https://casustafel.example/problems/share-refused",
    );
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
