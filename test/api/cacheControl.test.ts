import { afterAll, beforeAll, expect, test } from "vitest";
import { ORG } from "./support/demoCase.js";
import { startTestService, type TestService } from "./support/service.js";

// DESIGN §3: case content and personal data are kept by no browser or proxy cache.

let service: TestService;
beforeAll(async () => {
  service = await startTestService("sqlite", { seedDemo: true });
});
afterAll(() => service?.close());

test("every /v1 answer, content or problem, says Cache-Control: no-store", async () => {
  const chair = await service.token(ORG.samenwerkingsverband, ["chair"]);
  const answers = [
    await service.call(chair, "GET", "/v1/cases"),
    await service.call(chair, "GET", `/v1/cases/${crypto.randomUUID()}`),
    await service.call("not-a-token", "GET", "/v1/cases"),
    await fetch(`${service.url}/v1/catalogue/legal-bases`),
  ];
  expect(answers.map((answer) => answer.status)).toEqual([200, 404, 401, 200]);
  for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
});
