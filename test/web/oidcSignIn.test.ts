import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ORG } from "../api/support/demoCase.js";
import { startTestService, type TestService } from "../api/support/service.js";
import { freePort } from "../support/freePort.js";
import { expectAccessible, launchBrowser, openPage } from "./support/browser.js";
import { type RunningProvider, startOidcProvider } from "./support/oidcProvider.js";

// Sign-in as in production: the console runs the authorization code flow with PKCE against a
// real OpenID provider, and the service verifies the provider's access token through its JWKS.

const CLIENT_ID = "casustafel-console";
const AUDIENCE = "https://casustafel.example/api";

let service: TestService;
let provider: RunningProvider;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  [service, browser] = await Promise.all([
    startTestService("sqlite", {
      seedDemo: true,
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_SCOPE: "openid casustafel",
        JWKS_URL: `${issuer}/jwks`,
        JWT_AUDIENCE: AUDIENCE,
      },
    }),
    launchBrowser(),
  ]);
  provider = await startOidcProvider({
    port,
    clientId: CLIENT_ID,
    redirectUri: `${service.url}/aanmelden/terug`,
    audience: AUDIENCE,
    accounts: { "mentor-3havo": { org: ORG.secondarySchool, roles: ["professional"] } },
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  await provider?.close();
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

test("a professional signs in at the OpenID provider and the service accepts its access token", async () => {
  const { page, errors } = await openPage(browser, service.url);
  await page.goto(`${service.url}/aanmelden`);
  expect(await page.getByText("Ontwikkelomgeving").count()).toBe(0);
  await expectAccessible(page, "sign-in with an identity provider");

  await page.getByRole("button", { name: "Aanmelden bij uw organisatie" }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill("mentor-3havo");
  await page.locator('input[name="password"]').fill("any");
  const [worklist] = await Promise.all([
    page.waitForResponse((response) => response.url() === `${service.url}/v1/worklist`),
    page.locator('button[type="submit"]').click(),
  ]);

  expect(worklist.status()).toBe(200);
  await page.getByRole("heading", { level: 1, name: "Werklijst" }).waitFor();
  const token = (await worklist.request().headerValue("authorization"))!.replace(/^Bearer /, "");
  expect(claimsOf(token)).toMatchObject({
    iss: provider.issuer,
    aud: AUDIENCE,
    sub: "mentor-3havo",
    org: ORG.secondarySchool,
    roles: ["professional"],
  });
  expect(page.url()).toBe(`${service.url}/werklijst`);

  const stored = await page.evaluate<string>(
    "JSON.stringify([{ ...localStorage }, { ...sessionStorage }])",
  );
  expect(stored).not.toContain(token);
  expect(stored).not.toContain(token.split(".")[1]);
  expect(errors).toEqual([]);
});
