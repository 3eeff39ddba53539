import { errors, type JWTPayload, jwtVerify } from "jose";
import type { Config } from "../../../config.js";
import type { Actor } from "../../../domain/index.js";
import { HttpProblem } from "../problems.js";
import { claimsSchema } from "./claims.js";
import { lifetimeFault } from "./tokenLifetime.js";
import { MissingKeyIdError, type VerificationKey } from "./verificationKeys.js";
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
  if (error instanceof MissingKeyIdError) return "The token must name its signing key (kid)";
  return "The token is not valid";
}

export interface TokenVerifier {
  (authorization: string | undefined): Promise<Actor>;
  /** True for a bearer token this verifier accepted before and that has not expired since. */
  vouchesFor?(authorization: string): boolean;
  /**
   * The caller of a bearer token this verifier would answer from memory now (see
   * VerifiedTokens), else undefined: what `verify` resolves to then, without a promise.
   */
  remembered?(authorization: string): Actor | undefined;
}

const bearerToken = (authorization: string | undefined) =>
  authorization?.match(/^Bearer +([A-Za-z0-9_\-.~+/]+=*) *$/i)?.[1];

/**
 * Verifies a bearer token into a Actor: issuer, audience, algorithm allow-list, `exp`
 * required, `iat` not in the future and a lifetime within JWT_MAX_TOKEN_AGE.
 */
export function createTokenVerifier(config: Config, key: VerificationKey): TokenVerifier {
  const options = {
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    algorithms: config.jwt.algorithms,
    clockTolerance: config.jwt.clockToleranceSeconds,
    requiredClaims: ["exp", "sub"],
  };
  const verified = new VerifiedTokens();
  const verify = async (authorization: string | undefined) => {
    const token = bearerToken(authorization);
    if (token === undefined)
      throw unauthenticated(authorization === undefined ? undefined : "Use a bearer token");
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
    const fault = lifetimeFault(payload, Math.floor(Date.now() / 1000), config.jwt);
    if (fault) throw unauthenticated(fault);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw unauthenticated("The token's sub, org or roles claims are not valid");
    const { sub, org, roles } = claims.data;
    const caller = { userId: sub, organisationId: org, roles: [...new Set(roles)] };
    verified.remember(token, caller, payload.exp ?? 0);
    return caller;
  };
  return Object.assign(verify, {
    vouchesFor: (authorization: string) => {
      const token = bearerToken(authorization);
      return token !== undefined && verified.vouchesFor(token);
    },
    remembered: (authorization: string) => {
      const token = bearerToken(authorization);
      return token === undefined ? undefined : verified.get(token);
    },
  });
}
