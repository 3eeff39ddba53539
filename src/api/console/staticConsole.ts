import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type RequestHandler, Router } from "express";

/** Paths the console never answers: the API, and the console's own JSON endpoints. */
const notConsolePages = /^\/(v1|console)(\/|$)/;

/**
 * Serves the built console (web/dist): hashed assets cached for a year, index.html never
 * cached, and index.html for any other page the browser navigates to (client-side routes).
 */
export function staticConsole(distDir: string, contentSecurityPolicy: string): RequestHandler {
  const router = Router();
  const index = join(distDir, "index.html");
  if (!existsSync(index)) return router;
  router.use((req, res, next) => {
    // The API's requests leave at once: a file lookup per API call would cost every read.
    if (notConsolePages.test(req.path)) return next("router");
    // One label for every console file, so metrics and logs name no client route or asset.
    res.locals.routePattern = "/(console)";
    res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    next();
  });
  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        const hashed = path.startsWith(join(distDir, "assets"));
        res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
