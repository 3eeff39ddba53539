import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("configuration", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      dataDir: "./data",
      http: { port: 3000, bodyLimit: "100kb" },
      store: { kind: "sqlite", sqlitePath: "./data/casustafel.sqlite" },
      jwt: {
        algorithms: ["RS256", "ES256"],
        clockToleranceSeconds: 30,
        maxTokenAgeSeconds: 43_200,
      },
    });
  });

  it("parses values from the environment", () => {
    const config = loadConfig({
      PORT: "8080",
      STORE: "postgres",
      DATABASE_URL: "postgres://u:p@db:5432/casus",
      JWT_ALGORITHMS: "ES256, EdDSA",
      RATE_LIMIT_PER_MINUTE: "120",
      JWT_MAX_TOKEN_AGE: "30m",
    });
    expect(config.jwt.maxTokenAgeSeconds).toBe(1_800);
    expect(config.http.port).toBe(8080);
    expect(config.store.databaseUrl).toBe("postgres://u:p@db:5432/casus");
    expect(config.jwt.algorithms).toEqual(["ES256", "EdDSA"]);
    expect(config.http.rateLimitPerMinute).toBe(120);
  });

  it.each([
    ["PORT", "seventy"],
    ["PORT", "70000"],
    ["NODE_ENV", "staging"],
    ["STORE", "mongodb"],
    ["JWKS_URL", "not a url"],
    ["JWT_ALGORITHMS", "HS256"],
    ["JWT_ALGORITHMS", "none"],
    ["BODY_LIMIT", "a lot"],
    ["LOG_LEVEL", "loud"],
    ["MIN_POSITION_WAIT_MS", "-5"],
    ["RATE_LIMIT_PER_MINUTE", "0"],
    ["JWT_MAX_TOKEN_AGE", "forever"],
    ["JWT_MAX_TOKEN_AGE", "10s"],
    ["JWT_MAX_TOKEN_AGE", "30d"],
    ["AUTH_FAILURES_PER_MINUTE", "0"],
    ["INTEGRITY_SWEEP_INTERVAL_S", "0"],
    ["TRUST_PROXY", "yes"],
    ["TRUST_PROXY", "10.0.0.0/33"],
    ["TRUST_PROXY", "10.0.0.1, proxy.example"],
    ["OTEL_SDK_DISABLED", "yes"],
    ["LDV_OTLP_ENDPOINT", "logbook.example:4318"],
    ["LDV_OTLP_ENDPOINT", "file:///tmp/records"],
    ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "not a url"],
  ])("a bad %s is refused with the variable named", (name, value) => {
    expect(problemsOf({ [name]: value })).toContain(name);
  });

  it.each([
    ["false", false],
    ["true", true],
    ["1", 1],
    ["loopback, 10.0.0.0/8, fd00::/8", ["loopback", "10.0.0.0/8", "fd00::/8"]],
  ])("TRUST_PROXY=%s is handed to express as %j", (value, trusted) => {
    expect(loadConfig({ TRUST_PROXY: value }).http.trustProxy).toEqual(trusted);
  });

  it("traces requests by default and exports only to the endpoints that are set", () => {
    expect(loadConfig({}).tracing).toEqual({ enabled: true, serviceName: "casustafel" });
    const config = loadConfig({
      OTEL_SDK_DISABLED: "true",
      LDV_OTLP_ENDPOINT: "https://logbook.example/v1/traces",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
    });
    expect(config.tracing).toEqual({
      enabled: false,
      serviceName: "casustafel",
      processingRecordsEndpoint: "https://logbook.example/v1/traces",
    });
  });

  it("never repeats a secret's value in the error", () => {
    expect(problemsOf({ MASTER_KEY: "short-secret-value" })).not.toContain("short-secret-value");
  });

  it("postgres needs DATABASE_URL and eventstoredb needs EVENTSTOREDB_URL", () => {
    expect(problemsOf({ STORE: "postgres" })).toContain("DATABASE_URL");
    expect(problemsOf({ STORE: "eventstoredb" })).toContain("EVENTSTOREDB_URL");
  });

  it("production needs token keys and a master key", () => {
    const message = problemsOf({ NODE_ENV: "production" });
    expect(message).toContain("JWKS_URL");
    expect(message).toContain("MASTER_KEY");
    const config = loadConfig({
      NODE_ENV: "production",
      JWKS_URL: "https://idp.example/jwks.json",
      MASTER_KEY_FILE: "/run/secrets/master-key",
    });
    expect(config.env).toBe("production");
  });

  it("production refuses a key store without a master key: wrapped keys cannot be unwrapped", () => {
    const message = problemsOf({
      NODE_ENV: "production",
      JWKS_URL: "https://idp.example/jwks.json",
      KEYSTORE_URL: "postgres://keys.example/casustafel",
    });
    expect(message).toContain("MASTER_KEY");
  });
});
