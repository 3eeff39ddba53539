import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevKeyPair } from "../../../src/api/http/auth/devKeys.js";
import { createTokenVerifier } from "../../../src/api/http/auth/verifyToken.js";
import type { Config } from "../../../src/config.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { getFrom } from "./support/fromAddress.js";

const BUDGET = 5;
const THING = "/v1/things/7a0c4d34-6f53-4d1c-9a8e-2f1f5b0f7e11";

/** The real verifier over the dev key, counting how often jose asks for the key: once per signature check. */
function countingVerifier() {
  const counter = { signatureChecks: 0 };
  const verifyToken = async (config: Config) => {
    const { publicKey } = await loadOrCreateDevKeyPair(config.dataDir);
    return createTokenVerifier(config, () => {
      counter.signatureChecks++;
      return publicKey;
    });
  };
  return { counter, verifyToken };
}

/** A well-formed token naming the dev key, signed by a key of the attacker's own. */
async function forgedToken(config: Config): Promise<string> {
  const attacker = await generateKeyPair("ES256");
  const { kid } = await loadOrCreateDevKeyPair(config.dataDir);
  return new SignJWT({ org: "org-police", roles: ["admin"] })
    .setProtectedHeader({ alg: "ES256", kid })
    .setSubject("intruder")
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setExpirationTime("1h")
    .sign(attacker.privateKey);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("failed authentications per client address", () => {
  const verifier = countingVerifier();
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ AUTH_FAILURES_PER_MINUTE: String(BUDGET) }, verifier);
  });
  afterAll(() => t.close());

  it("given a concurrent burst of forged tokens from one address, then past the budget it gets 429 and no signature is checked", async () => {
    const forged = await forgedToken(t.config);
    const before = verifier.counter.signatureChecks;

    const answers = await Promise.all(
      Array.from({ length: 40 }, () => getFrom("127.0.0.2", `${t.url}${THING}`, bearer(forged))),
    );

    expect(verifier.counter.signatureChecks - before).toBe(BUDGET);
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(BUDGET);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(40 - BUDGET);
    expect(limited[0]!.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(limited[0]!.body)).toMatchObject({
      type: "https://casustafel.example/problems/rate-limited",
      status: 429,
    });
    const retryAfter = Number(limited[0]!.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("given that address is refused, when a user from another address signs in, then it is served", async () => {
    const token = await t.token("org-police", ["professional"], "other-address-user");
    expect((await getFrom("127.0.0.3", `${t.url}${THING}`, bearer(token))).status).toBe(404);
  });

  it("given an address that spends its budget, then a token it used before still works and a new one waits", async () => {
    const signedIn = await t.token("org-school", ["professional"], "signed-in-before");
    expect((await getFrom("127.0.0.4", `${t.url}${THING}`, bearer(signedIn))).status).toBe(404);
    const forged = await forgedToken(t.config);
    for (let i = 0; i < BUDGET; i++) await getFrom("127.0.0.4", `${t.url}${THING}`, bearer(forged));

    const before = verifier.counter.signatureChecks;
    const fresh = await t.token("org-school", ["professional"], "signing-in-now");
    expect((await getFrom("127.0.0.4", `${t.url}${THING}`, bearer(forged))).status).toBe(429);
    expect((await getFrom("127.0.0.4", `${t.url}${THING}`, bearer(fresh))).status).toBe(429);
    expect((await getFrom("127.0.0.4", `${t.url}${THING}`, bearer(signedIn))).status).toBe(404);
    expect(verifier.counter.signatureChecks).toBe(before);
  });

  it("given requests without a token, then they are refused with 401 and do not spend the budget", async () => {
    for (let i = 0; i < 3 * BUDGET; i++) {
      expect((await getFrom("127.0.0.5", `${t.url}${THING}`)).status).toBe(401);
    }
    const token = await t.token("org-police", ["professional"], "after-anonymous-calls");
    expect((await getFrom("127.0.0.5", `${t.url}${THING}`, bearer(token))).status).toBe(404);
  });

  it("given TRUST_PROXY is off, when forgeries claim other addresses in X-Forwarded-For, then they share the socket's budget", async () => {
    const forged = await forgedToken(t.config);
    for (let i = 0; i < BUDGET; i++) {
      await getFrom("127.0.0.6", `${t.url}${THING}`, {
        ...bearer(forged),
        "x-forwarded-for": `198.51.100.${i}`,
      });
    }
    const spoofed = { ...bearer(forged), "x-forwarded-for": "198.51.100.99" };
    expect((await getFrom("127.0.0.6", `${t.url}${THING}`, spoofed)).status).toBe(429);
  });
});

describe("failed authentications behind a proxy (TRUST_PROXY=1)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ AUTH_FAILURES_PER_MINUTE: String(BUDGET), TRUST_PROXY: "1" });
  });
  afterAll(() => t.close());

  it("given one proxy address, then the client named by the proxy has the budget, not the proxy", async () => {
    const forged = await forgedToken(t.config);
    const via = (client: string, token: string) =>
      getFrom("127.0.0.7", `${t.url}${THING}`, { ...bearer(token), "x-forwarded-for": client });
    for (let i = 0; i < BUDGET; i++) expect((await via("203.0.113.7", forged)).status).toBe(401);
    expect((await via("203.0.113.7", forged)).status).toBe(429);

    const token = await t.token("org-police", ["professional"], "behind-the-proxy");
    expect((await via("203.0.113.8", token)).status).toBe(404);
  });
});
