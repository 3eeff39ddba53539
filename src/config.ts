import { isIP } from "node:net";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const url = z.url();
const durationUnits = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;
/** A span such as `12h`, `30m`, `90s` or `1d`, in seconds; a bare number counts seconds. */
const durationSeconds = z
  .string()
  .regex(/^\d+[smhd]?$/, "must be a duration such as 12h, 30m or 3600s")
  .transform((span) => {
    const unit = /[smhd]$/.test(span) ? (span.at(-1) as keyof typeof durationUnits) : "s";
    return Number.parseInt(span, 10) * durationUnits[unit];
  });
/** Empty strings count as unset, so `FOO=` in a .env file does not fail a url or number check. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const algorithm = z.enum([
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
]);

/** express's names for address ranges, an address, or an address with a prefix length. */
function isProxyAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** true, false, a count of proxies in front, or the proxies' addresses and subnets. */
const trustProxy = z
  .string()
  .default("false")
  .transform((value, context): boolean | number | string[] => {
    if (value === "true" || value === "false") return value === "true";
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    context.issues.push({
      code: "custom",
      input: value,
      message: "must be true, false, a number of proxies, or their addresses or subnets",
    });
    return z.NEVER;
  });

/** Environment variable names and their rules; the keys are the names an operator sets. */
const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  STORE: z.enum(["sqlite", "postgres", "eventstoredb"]).default("sqlite"),
  SQLITE_PATH: optional(z.string().min(1)),
  DATABASE_URL: optional(url),
  EVENTSTOREDB_URL: optional(z.string().min(1)),
  KEYSTORE_URL: optional(z.string().min(1)),
  MASTER_KEY: optional(z.string().min(32, "must be at least 32 characters (e.g. 32 bytes base64)")),
  MASTER_KEY_FILE: optional(z.string().min(1)),
  // Unset: the console's OIDC issuer, else the development issuer.
  JWT_ISSUER: optional(z.string().min(1)),
  JWT_AUDIENCE: z.string().min(1).default("casustafel-api"),
  JWKS_URL: optional(url),
  JWT_PUBLIC_KEY_FILE: optional(z.string().min(1)),
  // HS* is deliberately absent: a shared secret would let anyone holding it mint tokens.
  JWT_ALGORITHMS: z
    .string()
    .default("RS256,ES256")
    .transform((list) => list.split(",").map((item) => item.trim()))
    .pipe(z.array(algorithm).min(1)),
  JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  // The longest a token may live (exp - iat): a leaked token stays usable no longer than this.
  JWT_MAX_TOKEN_AGE: z
    .string()
    .default("12h")
    .pipe(durationSeconds)
    .pipe(
      z
        .number()
        .min(60, "must be at least 1m")
        .max(7 * 86_400, "must be at most 7d"),
    ),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, "must be a size such as 100kb or 1mb")
    .default("100kb"),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  AUTH_FAILURES_PER_MINUTE: positiveInt.default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MIN_POSITION_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(2_000),
  RETENTION_INTERVAL_MIN: positiveInt.default(60),
  INTEGRITY_SWEEP_INTERVAL_S: positiveInt.max(7 * 86_400).default(3_600),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  OIDC_ISSUER: optional(url),
  OIDC_CLIENT_ID: optional(z.string().min(1).max(200)),
  OIDC_SCOPE: z.string().min(1).max(500).default("openid"),
  CONSOLE_COVENANT_ID: optional(z.uuid()),
  CONSOLE_URL: optional(url),
  // The service's public URL: processing-activity URIs (Logboek Dataverwerkingen) start here.
  PUBLIC_URL: optional(url),
  TRUST_PROXY: trustProxy,
  // Comma-separated URL prefixes webhooks may be delivered to; empty: no webhook can be created.
  WEBHOOK_ALLOWED_URLS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  WEBHOOK_RETRY_BASE_MS: positiveInt.default(1_000),
  WEBHOOK_RETRY_MAX_MS: positiveInt.default(3_600_000),
  WEBHOOK_MAX_ATTEMPTS: positiveInt.max(100).default(12),
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  WEBHOOK_CONCURRENCY: positiveInt.max(256).default(16),
  // OpenTelemetry's own names: request traces are on unless the SDK is disabled.
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).default("false"),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default("casustafel"),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  // Where the processing records go as OTLP/HTTP spans (a collector or the LDV logbook).
  LDV_OTLP_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
});

export type Environment = z.output<typeof environment>;

/** The service configuration: environment variables, parsed once, with derived defaults. */
export interface Config {
  env: Environment["NODE_ENV"];
  http: {
    host: string;
    port: number;
    bodyLimit: string;
    rateLimitPerMinute: number;
    /** Failed authentications per client address and minute before 429 without verifying. */
    authFailuresPerMinute: number;
    /** express's `trust proxy`: which X-Forwarded-For hops name the client. */
    trustProxy: boolean | number | string[];
  };
  dataDir: string;
  store: {
    kind: Environment["STORE"];
    sqlitePath: string;
    databaseUrl?: string;
    eventStoreDbUrl?: string;
  };
  keys: { keyStoreUrl?: string; masterKey?: string; masterKeyFile?: string };
  jwt: {
    issuer: string;
    audience: string;
    jwksUrl?: string;
    publicKeyFile?: string;
    algorithms: string[];
    clockToleranceSeconds: number;
    maxTokenAgeSeconds: number;
  };
  /** What the web console is told: where to sign in, and which covenant it works in. */
  console: {
    oidc?: { issuer: string; clientId: string; scope: string };
    covenantId?: string;
    /** Where people open the console; links that leave the service (a calendar invite) start here. */
    url: string;
  };
  /** The service's public URL, without a trailing slash; the register's activity URIs start here. */
  publicUrl: string;
  logLevel: Environment["LOG_LEVEL"];
  minPositionWaitMs: number;
  retentionIntervalMinutes: number;
  /** From the end of one verification of every hash chain to the start of the next. */
  integritySweepIntervalSeconds: number;
  shutdownTimeoutMs: number;
  /** Outgoing notifications: where they may go, and how failed deliveries are retried. */
  webhooks: {
    allowedUrls: string[];
    retryBaseMs: number;
    retryMaxMs: number;
    maxAttempts: number;
    timeoutMs: number;
    concurrency: number;
  };
  /** Request traces, and the OTLP endpoints spans and processing records are exported to. */
  tracing: {
    enabled: boolean;
    serviceName: string;
    requestSpansEndpoint?: string;
    processingRecordsEndpoint?: string;
  };
}

/** A configuration value is invalid; the message names the variables, never their values. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

function crossFieldProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (env.STORE === "postgres" && !env.DATABASE_URL) {
    problems.push("DATABASE_URL: required when STORE=postgres");
  }
  if (env.STORE === "eventstoredb" && !env.EVENTSTOREDB_URL) {
    problems.push("EVENTSTOREDB_URL: required when STORE=eventstoredb");
  }
  if (env.MASTER_KEY && env.MASTER_KEY_FILE) {
    problems.push("MASTER_KEY_FILE: set either MASTER_KEY or MASTER_KEY_FILE, not both");
  }
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
    problems.push("OIDC_CLIENT_ID: required when OIDC_ISSUER is set");
  }
  // The console signs in at OIDC_ISSUER; the service must accept the tokens it gets there.
  if (env.OIDC_ISSUER && env.JWT_ISSUER && env.JWT_ISSUER !== env.OIDC_ISSUER) {
    problems.push("JWT_ISSUER: must equal OIDC_ISSUER, or tokens from the console are refused");
  }
  if (env.NODE_ENV === "production") {
    if (!env.JWKS_URL && !env.JWT_PUBLIC_KEY_FILE) {
      problems.push("JWKS_URL: production needs JWKS_URL or JWT_PUBLIC_KEY_FILE");
    }
    // The key store holds only wrapped keys: without the master key nothing can be unwrapped.
    if (!env.MASTER_KEY && !env.MASTER_KEY_FILE) {
      problems.push("MASTER_KEY: production needs MASTER_KEY or MASTER_KEY_FILE");
    }
  }
  return problems;
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(source);
  if (!parsed.success) {
    // Only the path and zod's message: a secret's value must not end up in a crash log.
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimit: env.BODY_LIMIT,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
      trustProxy: env.TRUST_PROXY,
    },
    dataDir: env.DATA_DIR,
    store: {
      kind: env.STORE,
      sqlitePath: env.SQLITE_PATH ?? `${env.DATA_DIR}/casustafel.sqlite`,
      databaseUrl: env.DATABASE_URL,
      eventStoreDbUrl: env.EVENTSTOREDB_URL,
    },
    keys: {
      keyStoreUrl: env.KEYSTORE_URL,
      masterKey: env.MASTER_KEY,
      masterKeyFile: env.MASTER_KEY_FILE,
    },
    jwt: {
      issuer: env.JWT_ISSUER ?? env.OIDC_ISSUER ?? "casustafel-dev",
      audience: env.JWT_AUDIENCE,
      jwksUrl: env.JWKS_URL,
      publicKeyFile: env.JWT_PUBLIC_KEY_FILE,
      algorithms: env.JWT_ALGORITHMS,
      clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_S,
      maxTokenAgeSeconds: env.JWT_MAX_TOKEN_AGE,
    },
    console: {
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID
          ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, scope: env.OIDC_SCOPE }
          : undefined,
      covenantId: env.CONSOLE_COVENANT_ID,
      url: (env.CONSOLE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    logLevel: env.LOG_LEVEL,
    minPositionWaitMs: env.MIN_POSITION_WAIT_MS,
    retentionIntervalMinutes: env.RETENTION_INTERVAL_MIN,
    integritySweepIntervalSeconds: env.INTEGRITY_SWEEP_INTERVAL_S,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    webhooks: {
      allowedUrls: env.WEBHOOK_ALLOWED_URLS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: env.WEBHOOK_RETRY_MAX_MS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      concurrency: env.WEBHOOK_CONCURRENCY,
    },
    tracing: {
      enabled: env.OTEL_SDK_DISABLED === "false",
      serviceName: env.OTEL_SERVICE_NAME,
      requestSpansEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      processingRecordsEndpoint: env.LDV_OTLP_ENDPOINT,
    },
  };
}
