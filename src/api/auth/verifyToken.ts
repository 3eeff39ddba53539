import { errors, type JWTPayload, jwtVerify } from "jose";
import type { Config } from "../../config.js";
import { HttpProblem } from "../problems.js";
import { type Caller, claimsSchema } from "./claims.js";
import type { VerificationKey } from "./verificationKeys.js";
import { VerifiedTokens } from "./verifiedTokens.js";

const REALM = 'Bearer realm="casustafel"';

/** 401 with the RFC 6750 challenge; the detail says which check failed, never a claim's value. */
export function unauthenticated(detail?: string): HttpProblem {
  const challenge = detail === undefined ? REALM : `${REALM}, error="invalid_token"`;
  return new HttpProblem("unauthenticated", detail, {}, { "WWW-Authenticate": challenge });
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "exp") return "The token must carry an expiry (exp)";
    if (error.claim === "iss") return "The token's issuer is not accepted";
    if (error.claim === "aud") return "The token's audience is not accepted";
    return "The token's claims are not accepted";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's algorithm is not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "The token's signature is not valid";
  if (error instanceof errors.JWKSNoMatchingKey) return "The token's signing key is not known";
  return "The token is not valid";
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/** Verifies a bearer token (issuer, audience, algorithm allow-list, exp required) into a Caller. */
export function createTokenVerifier(config: Config, key: VerificationKey): TokenVerifier {
  const options = {
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    algorithms: config.jwt.algorithms,
    clockTolerance: config.jwt.clockToleranceSeconds,
    requiredClaims: ["exp", "sub"],
  };
  const verified = new VerifiedTokens();
  return async (authorization) => {
    const match = authorization?.match(/^Bearer +([A-Za-z0-9_\-.~+/]+=*) *$/i);
    if (!match)
      throw unauthenticated(authorization === undefined ? undefined : "Use a bearer token");
    const token = match[1]!;
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      // Overloads differ for a key and a key resolver; both are valid at runtime.
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], options));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout) {
        throw new HttpProblem("unavailable", "The token signing keys could not be fetched");
      }
      throw unauthenticated(reasonFor(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw unauthenticated("The token's sub, org or roles claims are not valid");
    const { sub, org, roles } = claims.data;
    const caller = { userId: sub, organisationId: org, roles: [...new Set(roles)] };
    verified.remember(token, caller, payload.exp ?? 0);
    return caller;
  };
}
