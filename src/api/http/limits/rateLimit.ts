import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { sendProblem } from "../problemSchema.js";
import { HttpProblem } from "../problems.js";
import { clientAddress } from "./failedAuthentications.js";

/**
 * Per-user limit over a one-minute window, keyed by the token's organisation and subject so
 * users behind one proxy do not share a budget; unauthenticated requests fall back to the IP.
 * The count lives in this process's memory: with several processes the limit is per process.
 */
export function perUserRateLimit(limitPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) =>
      req.caller
        ? `user:${req.caller.organisationId}/${req.caller.userId}`
        : `ip:${clientAddress(req)}`,
    handler: (_req, res, _next, options) => {
      // express-rate-limit has set RateLimit headers; Retry-After tells clients when to come back.
      const reset = (res.req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset
        ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000))
        : Math.ceil(options.windowMs / 1000);
      sendProblem(
        res,
        new HttpProblem(
          "rate_limited",
          `At most ${limitPerMinute} requests per minute`,
          {},
          { "Retry-After": String(seconds) },
        ),
      );
    },
  });
}
