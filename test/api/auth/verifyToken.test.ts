import { base64url, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevKeyPair } from "../../../src/api/http/auth/devKeys.js";
import { problemOf, startTestApi, type TestApi } from "../support/testApi.js";
import { getThing as getThingAt, policeClaims, devSigned as signed } from "./support/tokens.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const claims = policeClaims;
const devSigned = (change?: (jwt: SignJWT) => SignJWT, payload?: object) =>
  signed(t.config, change, payload);
const getThing = (authorization?: string) => getThingAt(t.url, authorization);

async function expectUnauthenticated(authorization: string | undefined) {
  const response = await getThing(authorization);
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="casustafel"/);
  const problem = await problemOf(response);
  expect(problem.type).toBe("https://casustafel.example/problems/unauthenticated");
  expect(problem.status).toBe(401);
  return problem;
}

describe("a bearer token", () => {
  it("minted by the dev CLI helper is accepted (control: the failures below are about the token)", async () => {
    const response = await getThing(`Bearer ${await t.token("org-police", ["professional"])}`);
    expect(response.status).toBe(404);
  });

  it("is required", async () => {
    const problem = await expectUnauthenticated(undefined);
    expect(problem.detail).toBeUndefined();
  });

  it("must be a bearer token", async () => {
    await expectUnauthenticated("Basic dXNlcjpwYXNz");
  });

  it("with a wrong signature is refused", async () => {
    const other = await generateKeyPair("ES256");
    const { kid } = await loadOrCreateDevKeyPair(t.config.dataDir);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("user-1")
      .setIssuer(t.config.jwt.issuer)
      .setAudience(t.config.jwt.audience)
      .setExpirationTime("1h")
      .sign(other.privateKey);
    const problem = await expectUnauthenticated(`Bearer ${token}`);
    expect(problem.detail).toMatch(/signature/);
  });

  it("with a tampered payload is refused", async () => {
    const [header, , signature] = (await devSigned()).split(".");
    const payload = base64url.encode(
      JSON.stringify({ ...claims, roles: ["admin"], sub: "user-1", exp: 4e9 }),
    );
    await expectUnauthenticated(`Bearer ${header}.${payload}.${signature}`);
  });

  it("with alg none is refused", async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(
      JSON.stringify({
        ...claims,
        sub: "user-1",
        iss: t.config.jwt.issuer,
        aud: t.config.jwt.audience,
        exp: 4e9,
      }),
    );
    await expectUnauthenticated(`Bearer ${header}.${payload}.`);
  });

  it("signed HS256 with the public key as the secret is refused", async () => {
    const { publicKey } = await loadOrCreateDevKeyPair(t.config.dataDir);
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("user-1")
      .setIssuer(t.config.jwt.issuer)
      .setAudience(t.config.jwt.audience)
      .setExpirationTime("1h")
      .sign(secret);
    const problem = await expectUnauthenticated(`Bearer ${token}`);
    expect(problem.detail).toMatch(/algorithm/);
  });

  it("from another issuer is refused", async () => {
    const problem = await expectUnauthenticated(
      `Bearer ${await devSigned((jwt) => jwt.setIssuer("someone-else"))}`,
    );
    expect(problem.detail).toMatch(/issuer/);
  });

  it("for another audience is refused", async () => {
    const problem = await expectUnauthenticated(
      `Bearer ${await devSigned((jwt) => jwt.setAudience("other-api"))}`,
    );
    expect(problem.detail).toMatch(/audience/);
  });

  it("that expired beyond the clock tolerance is refused", async () => {
    const expired = Math.floor(Date.now() / 1000) - t.config.jwt.clockToleranceSeconds - 60;
    const problem = await expectUnauthenticated(
      `Bearer ${await devSigned((jwt) => jwt.setExpirationTime(expired))}`,
    );
    expect(problem.detail).toMatch(/expired/);
  });

  it("that expired within the clock tolerance is still accepted", async () => {
    const justExpired = Math.floor(Date.now() / 1000) - 5;
    const response = await getThing(
      `Bearer ${await devSigned((jwt) => jwt.setExpirationTime(justExpired))}`,
    );
    expect(response.status).toBe(404);
  });

  it("without exp is refused", async () => {
    const { privateKey, kid } = await loadOrCreateDevKeyPair(t.config.dataDir);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("user-1")
      .setIssuer(t.config.jwt.issuer)
      .setAudience(t.config.jwt.audience)
      .sign(privateKey);
    const problem = await expectUnauthenticated(`Bearer ${token}`);
    expect(problem.detail).toMatch(/exp/);
  });

  it("with an unknown role is refused", async () => {
    await expectUnauthenticated(
      `Bearer ${await devSigned(undefined, { org: "org-police", roles: ["superuser"] })}`,
    );
  });

  it("without an organisation is refused", async () => {
    await expectUnauthenticated(
      `Bearer ${await devSigned(undefined, { roles: ["professional"] })}`,
    );
  });
});

describe("roles", () => {
  it("a caller without the route's role gets 403", async () => {
    const response = await fetch(`${t.url}/v1/admin-report`, {
      headers: {
        authorization: `Bearer ${await t.token("org-school", ["professional", "chair"])}`,
      },
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).type).toBe("https://casustafel.example/problems/forbidden");
  });

  it("a caller with the route's role gets through", async () => {
    const response = await fetch(`${t.url}/v1/admin-report`, {
      headers: { authorization: `Bearer ${await t.token("org-school", ["admin"])}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
