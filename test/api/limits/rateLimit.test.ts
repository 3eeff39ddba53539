import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { getFrom } from "./support/fromAddress.js";

const BUDGET = 3;
const THING = "/v1/things/7a0c4d34-6f53-4d1c-9a8e-2f1f5b0f7e12";
const POLICY = `"${BUDGET}-in-1min"`;

describe("requests per user per minute", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ RATE_LIMIT_PER_MINUTE: String(BUDGET) });
  });
  afterAll(() => t.close());

  const get = async (token: string, from = "127.0.0.1") =>
    getFrom(from, `${t.url}${THING}`, { authorization: `Bearer ${token}` });

  it("given a user who used the budget, then the next request is 429 with Retry-After, and the headers counted down", async () => {
    const token = await t.token("org-school", ["professional"], "mentor-1");

    const answers = [];
    for (let n = 0; n <= BUDGET; n++) answers.push(await get(token));

    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429]);
    // t: seconds until the window ends; a slow machine may have crossed a second meanwhile.
    expect(answers.map((answer) => answer.headers.ratelimit)).toEqual(
      [2, 1, 0, 0].map((left) => expect.stringMatching(`^${POLICY}; r=${left}; t=(59|60)$`)),
    );
    // The partition key names the budget by a hash, never by the user it belongs to.
    const hash = createHash("sha256").update("user:org-school/mentor-1").digest("hex");
    const partition = Buffer.from(hash.slice(0, 12)).toString("base64");
    expect(answers.map((answer) => answer.headers["ratelimit-policy"])).toEqual(
      answers.map(() => `${POLICY}; q=${BUDGET}; w=60; pk=:${partition}:`),
    );
    const limited = answers[BUDGET]!;
    expect(limited.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(59);
    expect(JSON.parse(limited.body)).toMatchObject({ status: 429 });
  });

  it("given one user limited, then a colleague in the same organisation and the same address still has a budget of their own", async () => {
    const limited = await t.token("org-police", ["professional"], "agent-1");
    for (let n = 0; n <= BUDGET; n++) await get(limited);

    const colleague = await get(await t.token("org-police", ["professional"], "agent-2"));

    expect(colleague.status).toBe(404);
    expect(colleague.headers.ratelimit).toMatch(new RegExp(`^${POLICY}; r=2; t=(59|60)$`));
  });
});
