import { SignJWT } from "jose";
import { loadOrCreateDevKeyPair } from "../../../../src/api/http/auth/devKeys.js";
import type { Config } from "../../../../src/config.js";

export const policeClaims = { org: "org-police", roles: ["professional"] };

/** The current time in whole seconds, as JWT claims count it. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A token signed with the dev key pair for the service's issuer and audience, expiring in an
 * hour and without `iat` unless `change` says otherwise.
 */
export async function devSigned(
  config: Config,
  change: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  payload: object = policeClaims,
): Promise<string> {
  const { privateKey, kid } = await loadOrCreateDevKeyPair(config.dataDir);
  const jwt = new SignJWT({ ...payload })
    .setProtectedHeader({ alg: "ES256", kid })
    .setSubject("user-1")
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setExpirationTime("1h");
  return change(jwt).sign(privateKey);
}

/** GET of a thing that does not exist: 404 for an accepted token, 401 for a refused one. */
export function getThing(url: string, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return fetch(`${url}/v1/things/7a0c4d34-6f53-4d1c-9a8e-2f1f5b0f7e11`, { headers });
}
