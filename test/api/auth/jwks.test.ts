import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CryptoKey, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startTestApi, type TestApi } from "../support/testApi.js";
import { startJwksServer } from "./support/jwksServer.js";
import { getThing, policeClaims } from "./support/tokens.js";

let idp: Awaited<ReturnType<typeof startJwksServer>>;
let t: TestApi;
beforeAll(async () => {
  idp = await startJwksServer(["idp-key-1"]);
  t = await startTestApi({ JWKS_URL: idp.url });
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

function signedBy(privateKey: CryptoKey, header: { kid?: string }, api: TestApi = t) {
  return new SignJWT(policeClaims)
    .setProtectedHeader({ alg: "ES256", ...header })
    .setSubject("user-1")
    .setIssuer(api.config.jwt.issuer)
    .setAudience(api.config.jwt.audience)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
}

describe("tokens verified against a JWKS served over HTTP", () => {
  it("given a token naming a key the set has, then it is accepted (control)", async () => {
    const [key] = idp.keys;
    const response = await getThing(
      t.url,
      `Bearer ${await signedBy(key!.privateKey, { kid: key!.kid })}`,
    );
    expect(response.status).toBe(404);
    expect(idp.fetches()).toBeGreaterThan(0);
  });

  it("given a token signed by the set's only key but naming no kid, then it is refused", async () => {
    const response = await getThing(t.url, `Bearer ${await signedBy(idp.keys[0]!.privateKey, {})}`);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toMatch(/must name its signing key \(kid\)/);
  });

  it("given a token naming a kid the set does not have, then it is refused", async () => {
    const stranger = await generateKeyPair("ES256");
    const token = await signedBy(stranger.privateKey, { kid: "not-in-the-set" });
    const response = await getThing(t.url, `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toMatch(/signing key is not known/);
  });

  it("given a token naming the set's key but signed by another, then it is refused", async () => {
    const stranger = await generateKeyPair("ES256");
    const token = await signedBy(stranger.privateKey, { kid: idp.keys[0]!.kid });
    expect((await getThing(t.url, `Bearer ${token}`)).status).toBe(401);
  });
});

describe("tokens verified against a JWKS file (JWT_PUBLIC_KEY_FILE)", () => {
  let fromFile: TestApi;
  beforeAll(async () => {
    const path = join(t.config.dataDir, "jwks.json");
    await writeFile(path, JSON.stringify(idp.jwks));
    fromFile = await startTestApi({ JWT_PUBLIC_KEY_FILE: path });
  });
  afterAll(() => fromFile.close());

  it("given tokens with and without the set's kid, then only the one naming it is accepted", async () => {
    const [key] = idp.keys;
    const named = await signedBy(key!.privateKey, { kid: key!.kid }, fromFile);
    const unnamed = await signedBy(key!.privateKey, {}, fromFile);
    expect((await getThing(fromFile.url, `Bearer ${named}`)).status).toBe(404);
    expect((await getThing(fromFile.url, `Bearer ${unnamed}`)).status).toBe(401);
  });
});
