import fc from "fast-check";
import type { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevKeyPair } from "../../../src/api/http/auth/devKeys.js";
import { createTokenVerifier } from "../../../src/api/http/auth/verifyToken.js";
import { problemOf, startTestApi, type TestApi } from "../support/testApi.js";
import { devSigned, getThing, nowSeconds } from "./support/tokens.js";

const HOUR = 3_600;
const YEAR = 365 * 24 * HOUR;

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

async function statusOf(change: (jwt: SignJWT) => SignJWT) {
  return (await getThing(t.url, `Bearer ${await devSigned(t.config, change)}`)).status;
}

async function refusalOf(change: (jwt: SignJWT) => SignJWT) {
  const response = await getThing(t.url, `Bearer ${await devSigned(t.config, change)}`);
  expect(response.status).toBe(401);
  return (await problemOf(response)).detail;
}

describe("a token's issue time", () => {
  it("given iat ten years ahead, when it is presented, then it is refused naming iat", async () => {
    const iat = nowSeconds() + 10 * YEAR;
    const detail = await refusalOf((jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + HOUR));
    expect(detail).toMatch(/issue time \(iat\)/);
  });

  it("given iat beyond the clock tolerance ahead, when it is presented, then it is refused", async () => {
    const iat = nowSeconds() + t.config.jwt.clockToleranceSeconds + 60;
    expect(await refusalOf((jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + HOUR))).toMatch(
      /iat/,
    );
  });

  it("given iat a few seconds ahead (an issuer's clock within tolerance), then it is accepted", async () => {
    const iat = nowSeconds() + 5;
    expect(await statusOf((jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + HOUR))).toBe(404);
  });
});

describe("a token's lifetime, exp - iat, against JWT_MAX_TOKEN_AGE (12 h by default)", () => {
  it("given exp decades away, when it is presented, then it is refused", async () => {
    const iat = nowSeconds();
    const detail = await refusalOf((jwt) =>
      jwt.setIssuedAt(iat).setExpirationTime(iat + 30 * YEAR),
    );
    expect(detail).toMatch(/maximum token age/);
  });

  it("given a lifetime of exactly the maximum, then it is accepted; one second more is refused", async () => {
    const iat = nowSeconds() - 60;
    const max = t.config.jwt.maxTokenAgeSeconds;
    expect(await statusOf((jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + max))).toBe(404);
    expect(await refusalOf((jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + max + 1))).toMatch(
      /maximum token age/,
    );
  });

  it("given no iat, then what the token has left (exp - now) is held to the maximum", async () => {
    const max = t.config.jwt.maxTokenAgeSeconds;
    expect(await statusOf((jwt) => jwt.setExpirationTime(nowSeconds() + max - 60))).toBe(404);
    expect(await refusalOf((jwt) => jwt.setExpirationTime(nowSeconds() + 10 * YEAR))).toMatch(
      /maximum token age/,
    );
  });
});

describe("JWT_MAX_TOKEN_AGE", () => {
  let short: TestApi;
  beforeAll(async () => {
    short = await startTestApi({ JWT_MAX_TOKEN_AGE: "1h" });
  });
  afterAll(() => short.close());

  it("given a 1 h maximum, when tokens of 1 h and 2 h are presented, then only the first is accepted", async () => {
    const iat = nowSeconds();
    const lasting = (seconds: number) =>
      devSigned(short.config, (jwt) => jwt.setIssuedAt(iat).setExpirationTime(iat + seconds));
    expect((await getThing(short.url, `Bearer ${await lasting(HOUR)}`)).status).toBe(404);
    expect((await getThing(short.url, `Bearer ${await lasting(2 * HOUR)}`)).status).toBe(401);
  });
});

describe("the verifier's decision over issue times and lifetimes", () => {
  it("accepts exactly the tokens issued no later than the tolerance allows and living at most the maximum", async () => {
    const verify = createTokenVerifier(
      t.config,
      (await loadOrCreateDevKeyPair(t.config.dataDir)).publicKey,
    );
    const { clockToleranceSeconds: tolerance, maxTokenAgeSeconds: max } = t.config.jwt;
    // Offsets stay 5 s clear of each boundary that depends on the clock, so a second ticking
    // between signing and verifying cannot change the answer.
    const issuedAhead = fc.oneof(
      fc.integer({ min: -max, max: tolerance - 5 }),
      fc.integer({ min: tolerance + 5, max: 20 * YEAR }),
    );
    const lifetime = fc.integer({ min: 1, max: 40 * YEAR });
    await fc.assert(
      fc.asyncProperty(issuedAhead, lifetime, async (ahead, lives) => {
        const iat = nowSeconds() + ahead;
        fc.pre(iat + lives > nowSeconds() + 5);
        const token = await devSigned(t.config, (jwt) =>
          jwt.setIssuedAt(iat).setExpirationTime(iat + lives),
        );
        const lawful = ahead <= tolerance && lives <= max;
        const accepted = await verify(`Bearer ${token}`).then(
          () => true,
          () => false,
        );
        expect(accepted).toBe(lawful);
      }),
      { numRuns: 150 },
    );
  });
});
