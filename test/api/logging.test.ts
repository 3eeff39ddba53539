import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApi, type TestApi, thingOf } from "./support/testApi.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe("request logs", () => {
  it("carry route, status, duration, user and organisation, and no body, header or content", async () => {
    const token = await t.token("org-school", ["professional"], "user-7");
    const authorization = `Bearer ${token}`;
    const created = await fetch(`${t.url}/v1/things`, {
      method: "POST",
      headers: {
        authorization,
        "content-type": "application/json",
        cookie: "session=Cookie-Secret",
      },
      body: JSON.stringify({
        label: "Pietje Puk-Personal",
        count: 4,
        detail: { note: "Lives-At-Secret-Street" },
      }),
    });
    const { id } = await thingOf(created);
    await fetch(`${t.url}/v1/things/${id}?`, { headers: { authorization } });
    await fetch(`${t.url}/v1/things`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ label: "Invalid-Personal", count: "x" }),
    });
    await fetch(`${t.url}/v1/failure`, { headers: { authorization } });

    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter(
      (line) => line.msg === "request completed" || line.msg === "request failed",
    );
    expect(
      requests.map((line) => [line.route, (line.res as { statusCode: number }).statusCode]),
    ).toEqual([
      ["/v1/things", 201],
      ["/v1/things/{thingId}", 200],
      ["/v1/things", 400],
      ["/v1/failure", 500],
    ]);
    for (const line of requests) {
      // The request line skips the logger's redaction walk: it may hold only these fields
      // (traceId when tracing is on).
      expect([
        "level",
        "msg",
        "organisationId",
        "req",
        "res",
        "responseTime",
        "route",
        "service",
        "time",
        "traceId",
        "userId",
      ]).toEqual(expect.arrayContaining(Object.keys(line)));
      expect(Object.keys(line.req as object)).toEqual(["id", "method"]);
      expect(line).toMatchObject({ userId: "user-7", organisationId: "org-school" });
      expect(typeof line.responseTime).toBe("number");
    }
    const all = t.logs.join("\n");
    for (const secret of [
      "Pietje",
      "Lives-At",
      "Invalid-Personal",
      "Cookie-Secret",
      "Jansen",
      token,
      "authorization",
      id,
    ]) {
      expect(all).not.toContain(secret);
    }
    // The unexpected error is logged for the operator, with its stack but without the request body.
    expect(lines.some((line) => line.msg === "unhandled error")).toBe(true);
  });

  it("Given the request lines skip the redaction walk, when anything else is logged with personal fields, then they are taken out", async () => {
    const token = await t.token("org-school", ["professional"], "user-7");
    await fetch(`${t.url}/v1/things`, { headers: { authorization: `Bearer ${token}` } });
    t.logger.info({ subject: { name: "Pietje Puk" }, case: { description: "Secret-Street" } }, "x");
    const all = t.logs.join("\n");
    expect(all).not.toContain("Pietje");
    expect(all).not.toContain("Secret-Street");
  });

  it("Given a handler that does not log, when it answers, then no logger of its own was made for the request", async () => {
    const authorization = `Bearer ${await t.token("org-school", ["professional"], "user-7")}`;
    const created = await fetch(`${t.url}/v1/things`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ label: "A", count: 1 }),
    });
    const { id } = await thingOf(created);
    const made = vi.spyOn(t.logger, "child");
    try {
      const response = await fetch(`${t.url}/v1/things/${id}`, { headers: { authorization } });
      expect(response.status).toBe(200);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
