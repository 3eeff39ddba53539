import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COVENANT_ID } from "./cases/support/caseApi.js";
import { populatedCaseApi } from "./cases/support/populated.js";
import type { CaseIds } from "./cases/support/samples.js";

// Rule: every answer of an authenticated route says `Cache-Control: no-store`, whatever its
// status: a case, a list, a register or a refusal can each tell who is known to whom.
const given = populatedCaseApi();

/** The path with the given ids where it names them, and unknown ids elsewhere. */
const pathWith = (path: string, ids: Partial<Record<string, string>>) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => ids[name] ?? randomUUID());

describe("Cache-Control on the API's answers", () => {
  it("given the populated case, when the school reads it, then the personal answer carries no-store", async () => {
    const { api, tokens, ids } = given;
    const read = await api.call("GET", `/v1/cases/${ids.caseId}`, { token: tokens.school });
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toBe("no-store");
  });

  it("given every authenticated route, when it is called with or without a token, then each answer carries no-store", async () => {
    const { api, tokens, ids } = given;
    // The event stream never ends, so it cannot be read whole here; worklistEvents.test.ts holds it.
    const authenticated = api.routes.filter(
      (route) => !route.public && route.path !== "/v1/worklist/events",
    );
    expect(authenticated.length).toBeGreaterThan(30);
    const statuses = new Set<number>();
    for (const route of authenticated) {
      const method = route.method.toUpperCase();
      // Reads see the real case; writes get unknown ids, so nothing in the fixture changes.
      const known: Partial<CaseIds> & { covenantId?: string } = { ...ids, covenantId: COVENANT_ID };
      const path = pathWith(route.path, method === "GET" ? known : {});
      for (const token of [tokens.chair, undefined]) {
        const answer = await api.call(method, path, {
          token,
          body: method === "GET" ? undefined : {},
        });
        statuses.add(answer.status);
        expect(
          answer.headers.get("cache-control"),
          `${method} ${route.path} ${answer.status}`,
        ).toBe("no-store");
      }
    }
    expect([...statuses]).toEqual(expect.arrayContaining([200, 401]));
  });

  it("given a public catalogue route, then it may be cached: it holds no personal data", async () => {
    const { api } = given;
    const catalogue = await api.call("GET", "/v1/catalogue/legal-bases");
    expect(catalogue.status).toBe(200);
    expect(catalogue.headers.get("cache-control")).toBeNull();
  });
});
