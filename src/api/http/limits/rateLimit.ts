import { hash } from "node:crypto";
import type { RequestHandler } from "express";
import { sendProblem } from "../problemSchema.js";
import { HttpProblem } from "../problems.js";
import { clientAddress } from "./failedAuthentications.js";

const WINDOW_MS = 60_000;

interface Window {
  used: number;
  endsAt: number;
  /** The RateLimit-Policy header: the same for every answer in the window. */
  policy: string;
}

/**
 * Per-user limit over a one-minute window, keyed by the token's organisation and subject so
 * users behind one proxy do not share a budget; unauthenticated requests fall back to the IP.
 * The count lives in this process's memory: with several processes the limit is per process.
 * Answers carry the RateLimit and RateLimit-Policy headers of the IETF draft 8, as
 * express-rate-limit wrote them; kept by hand, since that library cost 3% of a case read.
 */
export function perUserRateLimit(limitPerMinute: number, maxKeys = 50_000): RequestHandler {
  const name = `"${limitPerMinute}-in-1min"`;
  const windows = new Map<string, Window>();

  const windowOf = (key: string, now: number): Window => {
    const window = windows.get(key);
    if (window && window.endsAt > now) return window;
    windows.delete(key);
    // Full: the key known longest is forgotten and starts afresh, which takes this many keys.
    if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
    const fresh = { used: 0, endsAt: now + WINDOW_MS, policy: policyOf(key) };
    windows.set(key, fresh);
    return fresh;
  };

  const policyOf = (key: string) => {
    // The partition key names the budget without the user or address behind it.
    const partition = Buffer.from(hash("sha256", key, "hex").slice(0, 12)).toString("base64");
    return `${name}; q=${limitPerMinute}; w=${WINDOW_MS / 1000}; pk=:${partition}:`;
  };

  return (req, res, next) => {
    const key = req.caller
      ? `user:${req.caller.organisationId}/${req.caller.userId}`
      : `ip:${clientAddress(req)}`;
    const now = Date.now();
    const window = windowOf(key, now);
    window.used++;
    const seconds = Math.max(0, Math.ceil((window.endsAt - now) / 1000));
    const remaining = Math.max(0, limitPerMinute - window.used);
    res.setHeader("RateLimit", `${name}; r=${remaining}; t=${seconds}`);
    res.setHeader("RateLimit-Policy", window.policy);
    if (window.used <= limitPerMinute) return next();
    sendProblem(
      res,
      new HttpProblem(
        "rate_limited",
        `At most ${limitPerMinute} requests per minute`,
        {},
        { "Retry-After": String(Math.max(1, seconds)) },
      ),
    );
  };
}
