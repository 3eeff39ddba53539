import type { JWTPayload } from "jose";

export interface LifetimeLimits {
  maxTokenAgeSeconds: number;
  clockToleranceSeconds: number;
}

/**
 * Why a verified token's times are not accepted, or undefined. jose has already checked `exp`
 * and `nbf`; this adds what it leaves open: an issue time in the future, and a lifetime above
 * the maximum. The lifetime is `exp - iat`; a token without `iat` is held to what it has left,
 * `exp - now`, with the clock tolerance for an issuer whose clock runs ahead.
 */
export function lifetimeFault(
  payload: JWTPayload,
  nowSeconds: number,
  limits: LifetimeLimits,
): string | undefined {
  const { iat, exp } = payload;
  const tolerance = limits.clockToleranceSeconds;
  if (iat !== undefined && iat > nowSeconds + tolerance) {
    return "The token's issue time (iat) lies in the future";
  }
  if (exp === undefined) return "The token must carry an expiry (exp)";
  const lifetime = iat === undefined ? exp - nowSeconds - tolerance : exp - iat;
  if (lifetime > limits.maxTokenAgeSeconds) {
    return "The token lives longer than the maximum token age";
  }
  return undefined;
}
