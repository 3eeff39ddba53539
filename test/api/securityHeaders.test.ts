import type { AddressInfo } from "node:net";
import express from "express";
import helmet from "helmet";
import { afterAll, beforeAll, expect, test } from "vitest";
import { securityHeaders } from "../../src/api/http/securityHeaders.js";

const servers: ReturnType<ReturnType<typeof express>["listen"]>[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function headersOf(middleware: express.RequestHandler): Promise<Map<string, string>> {
  const app = express();
  app.use(middleware);
  app.get("/", (_req, res) => {
    res.json({ answer: 42 });
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`);
  await response.arrayBuffer();
  // The answer's own headers differ between any two answers; the rest must be the same.
  const own = new Set(["date", "etag"]);
  return new Map([...response.headers].filter(([name]) => !own.has(name)));
}

let helmets: Map<string, string>;
let ours: Map<string, string>;
beforeAll(async () => {
  helmets = await headersOf(helmet());
  ours = await headersOf(securityHeaders());
});

test("Given helmet's own answer, when the service's headers are worked out once at start, then an answer gets exactly helmet's headers and values", () => {
  expect(ours).toEqual(helmets);
  // Helmet takes out express's own X-Powered-By as well.
  expect(ours.has("x-powered-by")).toBe(false);
  expect(ours.get("content-security-policy")).toContain("default-src 'self'");
  expect(ours.get("strict-transport-security")).toContain("max-age=");
});
