import { jwtVerify } from "jose";
import { loadOrCreateDevKeyPair } from "../../src/api/http/auth/devKeys.js";
import { createTokenVerifier } from "../../src/api/http/auth/verifyToken.js";
import { loadConfig } from "../../src/config.js";

async function cpuMicrosPerCall(call: () => Promise<unknown>, rounds = 3_000): Promise<number> {
  for (let i = 0; i < 300; i++) await call();
  const started = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await call();
  const spent = process.cpuUsage(started);
  return (spent.user + spent.system) / rounds;
}

/**
 * CPU microseconds of token verification, measured alone in this process: the signature and
 * claims check jose does (every request, unless the service remembers a token it verified),
 * and the service's own verifier given the same token again and again, as the bench sends it.
 */
export async function jwtCost(dataDir: string, token: string) {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir });
  const { publicKey } = await loadOrCreateDevKeyPair(dataDir);
  const options = {
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    algorithms: config.jwt.algorithms,
    clockTolerance: config.jwt.clockToleranceSeconds,
    requiredClaims: ["exp", "sub"],
  };
  const verifier = createTokenVerifier(config, publicKey);
  return {
    signatureMicros: await cpuMicrosPerCall(() => jwtVerify(token, publicKey, options)),
    serviceVerifierMicros: await cpuMicrosPerCall(() => verifier(`Bearer ${token}`)),
  };
}
