import { once } from "node:events";
import { request as httpRequest, type Server } from "node:http";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { HttpProblem } from "../../src/api/http/problems.js";
import { defineRoute, expressPath, type Route } from "../../src/api/http/routeDefinition.js";
import { routeDispatch } from "../../src/api/http/routeDispatch.js";
import { allRoutes } from "../../src/api/routeTable.js";
import { BUILT_IN_NAMES, MALFORMED_ENCODINGS } from "./support/hostile.js";
import { startTestService, type TestService } from "./support/service.js";

// The service routes every request with its own dispatch instead of express's router. Express's
// router, given the same route table as express would be given it (each route, then a 405 for
// each path's other methods), is the oracle: for any method and any path built from the real
// table with hostile values, changed case and trailing slashes, both pick the same route with
// the same parameters, or both answer the same 404 or 405 with the same Allow.

let service: TestService;
let routes: Route[];
const servers: Server[] = [];
let oracleUrl: string;
let dispatchUrl: string;

/** Each route answers which route it is (also in a header, for HEAD) and what it was given. */
const echo =
  (route: Route): RequestHandler =>
  (req, res) => {
    res.setHeader("x-route", `${route.method} ${route.path}`);
    res.json({ route: `${route.method} ${route.path}`, params: { ...req.params } });
  };

const problems: ErrorRequestHandler = (error, _req, res, _next) => {
  const problem = error instanceof HttpProblem ? error : undefined;
  if (problem?.headers)
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem?.status ?? 500).json({ problem: problem?.kind ?? String(error) });
};

function allowOf(path: string, table: readonly Route[] = routes): string {
  return table
    .filter((route) => route.path === path)
    .flatMap((route) => [route.method.toUpperCase(), ...(route.method === "get" ? ["HEAD"] : [])])
    .join(", ");
}

function oracle(table: readonly Route[]): Express {
  const app = express();
  for (const route of table) app[route.method](expressPath(route.path), echo(route));
  for (const path of new Set(table.map((route) => route.path))) {
    app.all(expressPath(path), () => {
      throw new HttpProblem("method_not_allowed", undefined, {}, { Allow: allowOf(path, table) });
    });
  }
  return app;
}

function dispatched(table: readonly Route[]): Express {
  const app = express();
  app.use(routeDispatch(table, echo));
  return app;
}

async function listen(app: Express): Promise<string> {
  app.use((_req, _res, next) => next(new HttpProblem("not_found", "No such resource")));
  app.use(problems);
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** The raw path goes out as written: no URL class normalises it first. */
function call(base: string, method: string, path: string) {
  return new Promise<{ status: number; allow?: string; route?: string; body: string }>(
    (resolve, reject) => {
      const sent = httpRequest(`${base}${path}`, { method }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            allow: response.headers.allow,
            route: response.headers["x-route"] as string | undefined,
            body,
          }),
        );
      });
      sent.on("error", reject);
      sent.end();
    },
  );
}

beforeAll(async () => {
  service = await startTestService("sqlite");
  routes = allRoutes(service.service.system.resources);
  oracleUrl = await listen(oracle(routes));
  dispatchUrl = await listen(dispatched(routes));
}, 60_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await service?.close();
});

const segmentValue = fc.oneof(
  fc.constantFrom<string>(
    ...BUILT_IN_NAMES,
    ...MALFORMED_ENCODINGS.filter((value) => decodes(value)),
  ),
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
);

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** A path from a declared one: parameters filled, maybe a segment changed, case and trailing slash varied. */
const requestPath = fc
  .record({
    template: fc.integer({ min: 0, max: 10_000 }),
    values: fc.array(segmentValue, { minLength: 6, maxLength: 6 }),
    cut: fc.integer({ min: 0, max: 6 }),
    extra: fc.option(segmentValue, { nil: undefined }),
    upper: fc.boolean(),
    slash: fc.boolean(),
  })
  .map(({ template, values, cut, extra, upper, slash }) => {
    const { path } = routes[template % routes.length]!;
    let at = 0;
    const segments = path.split("/").map((part) => (part.startsWith("{") ? values[at++]! : part));
    const kept = cut === 0 ? segments : segments.slice(0, Math.max(2, segments.length - cut + 1));
    const built = [...kept, ...(extra === undefined ? [] : [extra])].join("/");
    return `${upper ? built.toUpperCase() : built}${slash ? "/" : ""}`;
  });

const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

describe("the service's route dispatch", () => {
  test("given any method and any path from the route table, then it picks what express's router picks", async () => {
    await fc.assert(
      fc.asyncProperty(method, requestPath, async (verb, path) => {
        const [expected, actual] = await Promise.all([
          call(oracleUrl, verb, path),
          call(dispatchUrl, verb, path),
        ]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  test("given the real table, then a declared path with another method is 405 and names what it takes", async () => {
    const answer = await call(dispatchUrl, "DELETE", "/v1/cases");
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe(allowOf("/v1/cases"));
  });
});

/** A route of the hand-made table: only its method and path matter to routing. */
function declared(method: Route["method"], path: string): Route {
  const params = path.includes("{id}") ? z.object({ id: z.string().max(100) }) : undefined;
  return defineRoute({
    method,
    path,
    summary: `${method} ${path}`,
    tags: ["routing"],
    roles: ["professional"],
    ...(params ? { params } : {}),
    responses: { 200: z.object({}) },
  }).handle(async () => ({ status: 200, body: {} }));
}

describe("the dispatch on tables the service does not have yet", () => {
  // A literal path declared between two routes of a parameter path, and a one-segment route.
  const table = [
    declared("get", "/v1/x/{id}"),
    declared("post", "/v1/x/special"),
    declared("post", "/v1/x/{id}"),
    declared("delete", "/v1/x/special"),
    declared("get", "/v1"),
  ];

  test("given routes of two paths that both match, then the first declared that takes the method answers, as in express", async () => {
    const [expected, actual] = [await listen(oracle(table)), await listen(dispatched(table))];
    for (const [verb, path] of [
      ["POST", "/v1/x/special"],
      ["GET", "/v1/x/special"],
      ["DELETE", "/v1/x/special"],
      ["DELETE", "/v1/x/other"],
      ["PUT", "/v1/x/special"],
      ["HEAD", "/v1/x/special/"],
      ["GET", "/v1"],
      ["GET", "/V1/"],
      ["POST", "/v1/"],
    ] as const) {
      expect(await call(actual, verb, path), `${verb} ${path}`).toEqual(
        await call(expected, verb, path),
      );
    }
    expect((await call(actual, "POST", "/v1/x/special")).route).toBe("post /v1/x/special");
  });

  test("given a method and path declared twice, then the dispatch refuses the table", () => {
    expect(() => routeDispatch([...table, declared("get", "/v1/x/{id}")], echo)).toThrow(
      "GET /v1/x/{id} is declared twice",
    );
  });
});
