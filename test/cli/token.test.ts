import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadVerificationKeys } from "../../src/api/http/auth/verificationKeys.js";
import { createTokenVerifier } from "../../src/api/http/auth/verifyToken.js";
import { loadConfig } from "../../src/config.js";

const run = promisify(execFile);
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "casustafel-token-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function token(args: string[], env: Record<string, string> = {}) {
  return run("npx", ["tsx", "src/cli/token.ts", ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, ...env },
  });
}

describe("npm run token", () => {
  it("mints a dev token the service accepts, for the organisation and roles asked", async () => {
    const { stdout } = await token([
      "--org",
      "org-police",
      "--role",
      "professional",
      "--role",
      "chair",
      "--ttl",
      "10m",
    ]);
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    const verify = createTokenVerifier(config, await loadVerificationKeys(config));
    expect(await verify(`Bearer ${stdout.trim()}`)).toEqual({
      userId: "org-police-professional",
      organisationId: "org-police",
      roles: ["professional", "chair"],
    });
  });

  it("refuses in production", async () => {
    const env = {
      NODE_ENV: "production",
      JWKS_URL: "https://idp.example/jwks",
      MASTER_KEY_FILE: "/nonexistent",
    };
    await expect(token(["--org", "org-police", "--role", "admin"], env)).rejects.toMatchObject({
      stderr: expect.stringContaining("refused in production"),
    });
  });

  it("refuses an unknown role", async () => {
    await expect(token(["--org", "org-police", "--role", "superuser"])).rejects.toMatchObject({
      code: 1,
    });
  });
});
