import type { RequestHandler } from "express";
import { HttpProblem } from "../problems.js";
import type { Caller, Role } from "./claims.js";
import type { TokenVerifier } from "./verifyToken.js";

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate`; absent on public routes. */
      caller?: Caller;
    }
  }
}

export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    req.caller = await verify(req.headers.authorization);
    next();
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
