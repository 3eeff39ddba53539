import { describe, expect, test } from "vitest";
import { VerifiedTokens } from "../../../src/api/http/auth/verifiedTokens.js";

const caller = { userId: "u-1", organisationId: "org-1", roles: ["professional" as const] };
const now = 1_800_000_000_000;

describe("verified tokens", () => {
  test("given a verified token, then the same token is known until its expiry", () => {
    const tokens = new VerifiedTokens(10, 60_000);
    tokens.remember("token-a", caller, now / 1000 + 30, now);
    expect(tokens.get("token-a", now + 29_999)).toEqual(caller);
    expect(tokens.get("token-a", now + 30_000)).toBeUndefined();
  });

  test("given a long-lived token, then it is checked again after the maximum age", () => {
    const tokens = new VerifiedTokens(10, 60_000);
    tokens.remember("token-a", caller, now / 1000 + 3600, now);
    expect(tokens.get("token-a", now + 59_999)).toEqual(caller);
    expect(tokens.get("token-a", now + 60_000)).toBeUndefined();
  });

  test("given another token, then it is not known", () => {
    const tokens = new VerifiedTokens(10, 60_000);
    tokens.remember("token-a", caller, now / 1000 + 30, now);
    expect(tokens.get("token-b", now)).toBeUndefined();
  });

  test("given a full cache, then the oldest token is forgotten first", () => {
    const tokens = new VerifiedTokens(2, 60_000);
    for (const token of ["a", "b", "c"]) tokens.remember(token, caller, now / 1000 + 30, now);
    expect(tokens.get("a", now)).toBeUndefined();
    expect(tokens.get("b", now)).toEqual(caller);
    expect(tokens.get("c", now)).toEqual(caller);
  });

  test("given a token whose caller aged out of the cache, then it is still vouched for until its exp", () => {
    const tokens = new VerifiedTokens(10, 60_000);
    tokens.remember("token-a", caller, now / 1000 + 3600, now);
    expect(tokens.get("token-a", now + 120_000)).toBeUndefined();
    expect(tokens.vouchesFor("token-a", now + 120_000)).toBe(true);
    expect(tokens.vouchesFor("token-a", now + 3_600_000)).toBe(false);
    expect(tokens.vouchesFor("token-b", now)).toBe(false);
  });

  test("given a token verified again, then it is the last to be forgotten", () => {
    const tokens = new VerifiedTokens(2, 60_000);
    tokens.remember("a", caller, now / 1000 + 30, now);
    tokens.remember("b", caller, now / 1000 + 30, now);
    tokens.remember("a", caller, now / 1000 + 30, now);
    tokens.remember("c", caller, now / 1000 + 30, now);
    expect(tokens.get("a", now)).toEqual(caller);
    expect(tokens.get("b", now)).toBeUndefined();
  });
});
