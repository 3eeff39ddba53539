import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadOrCreateDevKeyPair } from "../../src/api/http/auth/devKeys.js";
import { ORG } from "../api/support/demoCase.js";
import { startTestService, type TestService } from "../api/support/service.js";

// How the service serves the console beside its API: files and client routes under a strict
// CSP, public settings, and a development sign-in that production never offers.

let development: TestService;
beforeAll(async () => {
  development = await startTestService("sqlite", { seedDemo: true });
});
afterAll(() => development?.close());

const page = (service: TestService, path: string) =>
  fetch(`${service.url}${path}`, { headers: { accept: "text/html" } });

describe("the console's pages", () => {
  test("/ and every client route answer the console with a CSP that allows no inline script or style", async () => {
    for (const path of ["/", "/casussen", `/casussen/${crypto.randomUUID()}/delen`]) {
      const response = await page(development, path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="console">');
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("unsafe");
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  test("hashed assets are cached for a year, and index.html inlines no script", async () => {
    const html = await (await page(development, "/")).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    const asset = await fetch(`${development.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const metrics = await (await fetch(`${development.url}/metrics`)).text();
    expect(metrics).toContain('route="/(console)"');
    expect(metrics).not.toMatch(/route="[^"]*(assets|casussen)/);
  });

  test("the API, its documents and the operational endpoints answer as before", async () => {
    const unknown = await page(development, "/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-security-policy")).not.toContain("connect-src");
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect((await fetch(`${development.url}/openapi.json`)).headers.get("content-type")).toContain(
      "application/json",
    );
    expect(await (await page(development, "/docs")).text()).toContain("Casustafel API");
    expect((await fetch(`${development.url}/health`)).status).toBe(200);
    expect((await fetch(`${development.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${development.url}/metrics`)).text()).toContain("# HELP");
  });
});

describe("development sign-in", () => {
  test("lists the demo organisations and mints a token the API accepts", async () => {
    const settings = await (await fetch(`${development.url}/console/config.json`)).json();
    expect(settings).toMatchObject({ devSignIn: true, oidc: null });
    const directory = (await (await fetch(`${development.url}/console/dev-sign-in`)).json()) as {
      organisations: { organisationId: string }[];
    };
    expect(directory.organisations).toContainEqual(
      expect.objectContaining({ organisationId: ORG.police }),
    );
    const minted = await fetch(`${development.url}/console/dev-sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organisationId: ORG.police, role: "professional" }),
    });
    expect(minted.headers.get("cache-control")).toBe("no-store");
    const { accessToken } = (await minted.json()) as { accessToken: string };
    expect((await development.call(accessToken, "GET", "/v1/cases")).status).toBe(200);
  });

  test("refuses an organisation outside the demo, a made-up role and a form post", async () => {
    const post = (body: string, type = "application/json") =>
      fetch(`${development.url}/console/dev-sign-in`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    const stranger = JSON.stringify({ organisationId: "elsewhere", role: "professional" });
    expect((await post(stranger)).status).toBe(400);
    const king = JSON.stringify({ organisationId: ORG.police, role: "king" });
    expect((await post(king)).status).toBe(400);
    const form = `organisationId=${ORG.police}&role=chair`;
    expect((await post(form, "application/x-www-form-urlencoded")).status).toBe(400);
  });

  test("production offers none of it, even where the demo is wired in", async () => {
    const keys = await loadOrCreateDevKeyPair(development.config.dataDir);
    const publicKeyFile = join(development.config.dataDir, "verification.jwk.json");
    await writeFile(publicKeyFile, JSON.stringify(await exportJWK(keys.publicKey)));
    const production = await startTestService("sqlite", {
      seedDemo: true,
      env: {
        NODE_ENV: "production",
        JWT_PUBLIC_KEY_FILE: publicKeyFile,
        MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      },
    });
    try {
      const settings = (await (await fetch(`${production.url}/console/config.json`)).json()) as {
        devSignIn: boolean;
      };
      expect(settings.devSignIn).toBe(false);
      expect((await page(production, "/console/dev-sign-in")).status).toBe(404);
      const minted = await fetch(`${production.url}/console/dev-sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ organisationId: ORG.police, role: "chair" }),
      });
      expect(minted.status).toBe(404);
      expect((await page(production, "/")).status).toBe(200);
    } finally {
      await production.close();
    }
  });
});
