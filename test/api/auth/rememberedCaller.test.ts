import type { Request, Response } from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevKeyPair } from "../../../src/api/http/auth/devKeys.js";
import { authenticate } from "../../../src/api/http/auth/middleware.js";
import { createTokenVerifier } from "../../../src/api/http/auth/verifyToken.js";
import { FailedAuthentications } from "../../../src/api/http/limits/failedAuthentications.js";
import { startTestApi, type TestApi } from "../support/testApi.js";
import { devSigned, nowSeconds } from "./support/tokens.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const verifier = async () =>
  createTokenVerifier(t.config, (await loadOrCreateDevKeyPair(t.config.dataDir)).publicKey);

describe("the callers the verifier answers from memory", () => {
  it("Given tokens verified, refused and never seen, then exactly the accepted ones are remembered, as the caller verify resolved to", async () => {
    const verify = await verifier();
    const { maxTokenAgeSeconds: max } = t.config.jwt;
    const lifetime = fc.oneof(
      fc.integer({ min: 60, max: max - 5 }),
      fc.integer({ min: max + 5, max: 2 * max }),
    );
    await fc.assert(
      fc.asyncProperty(lifetime, fc.string(), async (lives, stranger) => {
        const iat = nowSeconds();
        const token = await devSigned(t.config, (jwt) =>
          jwt.setIssuedAt(iat).setExpirationTime(iat + lives),
        );
        const authorization = `Bearer ${token}`;
        expect(verify.remembered?.(authorization)).toBeUndefined();
        const caller = await verify(authorization).catch(() => undefined);

        expect(caller === undefined).toBe(lives > max);
        expect(verify.remembered?.(authorization)).toEqual(caller);
        expect(verify.remembered?.(stranger)).toBeUndefined();
        expect(verify.remembered?.(`Bearer ${stranger}`)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it("Given a token verified a moment ago and an address whose budget of failures is spent, when it is presented again, then its caller goes on at once, in the same turn, unchecked by the budget", async () => {
    const verify = await verifier();
    const authorization = `Bearer ${await devSigned(t.config)}`;
    const caller = await verify(authorization);
    const spent = new FailedAuthentications(0);
    const req = { headers: { authorization }, ip: "203.0.113.9" } as unknown as Request;
    let wentOn = false;

    const returned = authenticate(verify, spent)(req, {} as Response, () => {
      wentOn = true;
    });

    expect(returned).toBeUndefined();
    expect(wentOn).toBe(true);
    expect(req.caller).toEqual(caller);
  });

  it("Given a token never verified and an address whose budget is spent, when it is presented, then it is refused with 429 and goes nowhere", async () => {
    const verify = await verifier();
    const req = {
      headers: { authorization: `Bearer ${await devSigned(t.config)}` },
      ip: "203.0.113.9",
    } as unknown as Request;
    let wentOn = false;

    const returned = authenticate(verify, new FailedAuthentications(0))(req, {} as Response, () => {
      wentOn = true;
    });

    await expect(returned).rejects.toMatchObject({ kind: "rate_limited" });
    expect(wentOn).toBe(false);
    expect(req.caller).toBeUndefined();
  });
});
