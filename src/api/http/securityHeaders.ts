import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/**
 * Helmet's headers (CSP, HSTS, X-Frame-Options and the rest), worked out once. With its default
 * policy they depend on nothing in the request, so every answer gets the same ones; helmet
 * itself runs a dozen middlewares and builds the CSP string again for every request, 40 µs of
 * the 220 µs a bare express answer costs on the bench machine. Helmet stays the source of which
 * headers and values: they are read off it at start (test/api/securityHeaders.test.ts holds
 * them equal to helmet's own answer).
 */
export function securityHeaders(): RequestHandler {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  helmet()({} as Request, recorder as unknown as Response, () => {});
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
