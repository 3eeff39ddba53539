import type { RequestHandler } from "express";

/**
 * Every authenticated answer may carry personal data or say who may see what, so no cache
 * (browser, proxy) may keep it; set before authentication, so refusals carry it as well.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
