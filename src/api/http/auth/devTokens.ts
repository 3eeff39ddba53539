import { SignJWT } from "jose";
import type { Config } from "../../../config.js";
import type { Role } from "./claims.js";
import { DEV_ALGORITHM, loadOrCreateDevKeyPair } from "./devKeys.js";

export interface DevTokenRequest {
  organisationId: string;
  roles: readonly Role[];
  userId: string;
  /** A jose time span such as "8h" or "15m". */
  ttl?: string;
}

/** Signs a token with the dev key pair; refused in production, where tokens come from the IdP. */
export async function mintDevToken(config: Config, request: DevTokenRequest): Promise<string> {
  if (config.env === "production") throw new Error("dev tokens are refused in production");
  const { privateKey, kid } = await loadOrCreateDevKeyPair(config.dataDir);
  return new SignJWT({ org: request.organisationId, roles: [...request.roles] })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid, typ: "JWT" })
    .setSubject(request.userId)
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setIssuedAt()
    .setExpirationTime(request.ttl ?? "8h")
    .sign(privateKey);
}
