import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

// The console's sign-in settings: the issuer it signs in at is the issuer the service trusts.

const issuer = "https://sso.example.nl/realms/casustafel";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("console sign-in configuration", () => {
  test("given an OIDC issuer and client, the console is told both and the service trusts that issuer", () => {
    const config = loadConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "console" });
    expect(config.console.oidc).toEqual({ issuer, clientId: "console", scope: "openid" });
    expect(config.jwt.issuer).toBe(issuer);
  });

  test("given no OIDC issuer, the console has none and the development issuer stays", () => {
    const config = loadConfig({});
    expect(config.console.oidc).toBeUndefined();
    expect(config.jwt.issuer).toBe("casustafel-dev");
  });

  test("given an issuer without a client id, start-up names OIDC_CLIENT_ID", () => {
    expect(problemsOf({ OIDC_ISSUER: issuer })).toEqual([
      "OIDC_CLIENT_ID: required when OIDC_ISSUER is set",
    ]);
  });

  test("given a JWT_ISSUER other than the OIDC issuer, start-up refuses: its tokens would be refused", () => {
    const problems = problemsOf({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "console",
      JWT_ISSUER: "https://elsewhere.example",
    });
    expect(problems).toEqual([expect.stringMatching(/^JWT_ISSUER: must equal OIDC_ISSUER/)]);
  });

  test("given a malformed issuer or covenant id, start-up names the variable and not its value", () => {
    const problems = problemsOf({ OIDC_ISSUER: "not a url", CONSOLE_COVENANT_ID: "secret-ish" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "OIDC_ISSUER",
      "CONSOLE_COVENANT_ID",
    ]);
    expect(problems.join(" ")).not.toContain("secret-ish");
  });
});
