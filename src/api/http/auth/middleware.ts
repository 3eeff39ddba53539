import type { Request, RequestHandler } from "express";
import type { Actor, Role } from "../../../domain/index.js";
import { clientAddress, type FailedAuthentications } from "../limits/failedAuthentications.js";
import { HttpProblem } from "../problems.js";
import type { TokenVerifier } from "./verifyToken.js";

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate`; absent on public routes. */
      caller?: Actor;
    }
  }
}

const isUnauthenticated = (error: unknown) =>
  error instanceof HttpProblem && error.kind === "unauthenticated";

const tooManyFailures = (retryAfterSeconds: number) =>
  new HttpProblem(
    "rate_limited",
    "Too many failed authentications from this address",
    {},
    { "Retry-After": String(retryAfterSeconds) },
  );

/**
 * Verifies the caller's token. A request that presents one draws on its address's budget of
 * failed authentications first, unless the verifier accepted that very token before: once
 * the budget is spent, 429 without a signature check. A request without an Authorization
 * header costs nothing to refuse and is not counted.
 */
export function authenticate(
  verify: TokenVerifier,
  failures: FailedAuthentications,
): RequestHandler {
  const verifyCounted = async (req: Request, authorization: string | undefined) => {
    const counted = authorization !== undefined && !verify.vouchesFor?.(authorization);
    const admission = counted ? failures.admit(clientAddress(req)) : undefined;
    if (admission?.admitted === false) throw tooManyFailures(admission.retryAfterSeconds);
    try {
      req.caller = await verify(authorization);
    } catch (error) {
      if (admission?.admitted) admission.settle(isUnauthenticated(error));
      throw error;
    }
    if (admission?.admitted) admission.settle(false);
  };
  return (req, _res, next) => {
    const authorization = req.headers.authorization;
    // A token verified a moment ago is answered at once: no signature, no budget, no promise.
    const remembered = authorization === undefined ? undefined : verify.remembered?.(authorization);
    if (remembered) {
      req.caller = remembered;
      return next();
    }
    return verifyCounted(req, authorization).then(() => next());
  };
}

/** 403 unless the caller holds at least one of the roles; an empty list admits every role. */
export function requireAnyRole(allowed: readonly Role[]): RequestHandler {
  return (req, _res, next) => {
    const caller = req.caller;
    if (!caller) throw new Error("requireAnyRole runs after authenticate");
    if (allowed.length > 0 && !caller.roles.some((role) => allowed.includes(role))) {
      throw new HttpProblem(
        "forbidden",
        `This action needs one of the roles: ${allowed.join(", ")}`,
      );
    }
    next();
  };
}
