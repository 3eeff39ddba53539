import { Router } from "express";
import type { Config } from "../../config.js";
import { consoleContentSecurityPolicy } from "./contentSecurityPolicy.js";
import { type DevOrganisation, devSignInAllowed, devSignInRoutes } from "./devSignIn.js";
import { staticConsole } from "./staticConsole.js";

export interface ConsoleOptions {
  config: Config;
  /** The built console, usually web/dist. */
  distDir: string;
  /** The covenant the console works in when the configuration names none (the demo's). */
  defaultCovenantId?: string;
  /** Offered by the development sign-in page; ignored where that page is refused. */
  devOrganisations?: readonly DevOrganisation[];
}

/** What the console reads before anyone signs in: public, and free of personal data. */
export function consoleSettings(options: ConsoleOptions) {
  const { config } = options;
  const devSignIn = devSignInAllowed(config) && (options.devOrganisations?.length ?? 0) > 0;
  return {
    oidc: config.console.oidc ?? null,
    devSignIn,
    covenantId: config.console.covenantId ?? options.defaultCovenantId ?? null,
  };
}

/** The web console: its settings, the development sign-in (never in production), its files. */
export function consoleRoutes(options: ConsoleOptions): Router {
  const router = Router();
  const settings = consoleSettings(options);
  router.get("/console/config.json", (_req, res) => {
    res.locals.routePattern = "/console/config.json";
    res.setHeader("Cache-Control", "no-store");
    res.json(settings);
  });
  if (settings.devSignIn) router.use(devSignInRoutes(options.config, options.devOrganisations!));
  const policy = consoleContentSecurityPolicy(settings.oidc?.issuer);
  router.use(staticConsole(options.distDir, policy));
  return router;
}
