import express, { Router } from "express";
import { z } from "zod";
import type { Config } from "../../config.js";
import { ROLES } from "../../domain/index.js";
import { roleSchema } from "../http/auth/claims.js";
import { mintDevToken } from "../http/auth/devTokens.js";
import { noStore } from "../http/cacheControl.js";
import { HttpProblem } from "../http/problems.js";

export interface DevOrganisation {
  organisationId: string;
  name: string;
}

/** Only where the service itself verifies with the development key pair, and never in production. */
export function devSignInAllowed(config: Config): boolean {
  return config.env !== "production" && !config.jwt.jwksUrl && !config.jwt.publicKeyFile;
}

const signInBody = z.strictObject({
  organisationId: z.string().min(1).max(200),
  role: roleSchema,
});

/**
 * GET /console/dev-sign-in lists the demo organisations and roles; POST mints a development
 * token for one of them. JSON only, so a cross-site form cannot post here.
 */
export function devSignInRoutes(config: Config, organisations: readonly DevOrganisation[]): Router {
  if (!devSignInAllowed(config)) throw new Error("development sign-in is refused here");
  const known = new Set(organisations.map((organisation) => organisation.organisationId));
  const router = Router();
  router.use("/console/dev-sign-in", noStore);
  router.get("/console/dev-sign-in", (_req, res) => {
    res.locals.routePattern = "/console/dev-sign-in";
    res.json({ organisations, roles: ROLES });
  });
  router.post(
    "/console/dev-sign-in",
    express.json({ limit: "2kb", type: "application/json" }),
    async (req, res) => {
      res.locals.routePattern = "/console/dev-sign-in";
      const parsed = signInBody.safeParse(req.body);
      if (!parsed.success || !known.has(parsed.data.organisationId)) {
        throw new HttpProblem("validation", "Choose one of the listed organisations and roles");
      }
      const { organisationId, role } = parsed.data;
      const accessToken = await mintDevToken(config, {
        organisationId,
        roles: [role],
        userId: `dev-${role}-${organisationId.slice(-4)}`,
        ttl: "8h",
      });
      res.json({ accessToken });
    },
  );
  return router;
}
