import { expect, test } from "vitest";
import { problemsOf } from "../../src/api/http/openapi/document.js";
import { problemSchema } from "../../src/api/http/problemSchema.js";
import { problemType } from "../../src/api/http/problems.js";
import { expressPath } from "../../src/api/http/routeDefinition.js";
import { populatedCaseApi } from "./cases/support/populated.js";
import { fillPath, sampleBodies } from "./cases/support/samples.js";

// Every answer of a case resource, success or problem, must read as its documented schema:
// the one /openapi.json is generated from. A presenter that drifts fails here.

const populated = populatedCaseApi();

function routeOf(method: string, path: string) {
  const bare = path.split("?")[0]!;
  return populated.api.routes.find((route) => {
    if (route.method !== method.toLowerCase()) return false;
    const pattern = new RegExp(`^${expressPath(route.path).replace(/:\w+/g, "[^/]+")}$`);
    return pattern.test(bare);
  });
}

test("every case response body matches the schema documented for its status", async () => {
  const { api, tokens, ids } = populated;
  // Each route once as a participant who may use it, once as a stranger (the 404 problem).
  for (const [key, body] of Object.entries(sampleBodies)) {
    const [method, path] = key.split(" ") as [string, string];
    const token =
      path.includes("/signals") || path.includes("/shares") ? tokens.school : tokens.chair;
    await api.call(method, fillPath(path, ids), { token, body });
  }
  await api.call("GET", "/v1/cases", { token: tokens.wijkteam });
  await api.call("GET", "/v1/agreements?status=overdue", { token: tokens.wijkteam });
  const caseExchanges = api.exchanges.filter(({ path }) => /^\/v1\/(cases|agreements)/.test(path));
  const statuses = new Set<number>();
  for (const { method, path, exchange } of caseExchanges) {
    const route = routeOf(method, path);
    expect(route, `${method} ${path}`).toBeDefined();
    statuses.add(exchange.status);
    const documented = route!.responses[exchange.status];
    if (exchange.contentType.startsWith("application/problem+json")) {
      expect(problemSchema.safeParse(exchange.body).success).toBe(true);
      const documentedTypes = problemsOf(route!).map(problemType);
      expect(documentedTypes, `${method} ${path}`).toContain(exchange.body.type);
      continue;
    }
    expect(documented, `${method} ${path} ${exchange.status} is documented`).toBeDefined();
    if (documented === null) {
      expect(exchange.body).toBeUndefined();
      continue;
    }
    const parsed = documented!.safeParse(exchange.body);
    expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  }
  expect([...statuses]).toEqual(expect.arrayContaining([200, 201]));
});

test("the OpenAPI document lists every case route with its response schema", () => {
  const { api } = populated;
  const paths = api.api.document.paths as Record<string, Record<string, { responses: object }>>;
  for (const route of api.routes.filter((r) => /^\/v1\/(cases|agreements)/.test(r.path))) {
    const operation = paths[route.path]?.[route.method];
    expect(operation, `${route.method} ${route.path}`).toBeDefined();
    for (const status of Object.keys(route.responses)) {
      expect(Object.keys(operation!.responses)).toContain(status);
    }
  }
});
