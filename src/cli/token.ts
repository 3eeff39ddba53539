import { parseArgs } from "node:util";
import { roleSchema } from "../api/http/auth/claims.js";
import { mintDevToken } from "../api/http/auth/devTokens.js";
import { loadConfig } from "../config.js";

const usage =
  "usage: npm run token -- --org <organisationId> --role <role> [--role <role>] [--sub <userId>] [--ttl 8h]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      sub: { type: "string" },
      ttl: { type: "string", default: "8h" },
    },
  });
  if (!values.org || !values.role?.length) throw new Error(usage);
  const roles = values.role.map((role) => {
    const parsed = roleSchema.safeParse(role);
    if (!parsed.success)
      throw new Error(`unknown role "${role}"; one of: ${roleSchema.options.join(", ")}`);
    return parsed.data;
  });
  const config = loadConfig();
  if (config.jwt.jwksUrl || config.jwt.publicKeyFile) {
    console.error(
      "warning: the service verifies with JWKS_URL/JWT_PUBLIC_KEY_FILE; this dev token will be refused",
    );
  }
  const token = await mintDevToken(config, {
    organisationId: values.org,
    roles,
    userId: values.sub ?? `${values.org}-${roles[0]}`,
    ttl: values.ttl,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
