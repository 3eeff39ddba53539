import type { RequestHandler } from "express";
import { type MatchFunction, match } from "path-to-regexp";
import { HttpProblem } from "./problems.js";
import { expressPath, type Route } from "./routeDefinition.js";

/** A declared path: its matcher, and the methods it takes for a 405's `Allow`. */
interface DeclaredPath {
  path: string;
  matches: MatchFunction<Record<string, string>>;
  allow: string;
}

/** A declared route: its path, method (GET also serves HEAD) and handler, in declaration order. */
interface DeclaredRoute {
  declared: DeclaredPath;
  method: string;
  handler: RequestHandler;
}

/**
 * A path's resource: its first two segments, lower-cased ("/v1/cases" of "/v1/cases/{caseId}",
 * of "/V1/Cases/x/" and of "/v1/cases/"), or the whole path when it has fewer.
 */
function groupOf(path: string): string {
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  const second = trimmed.indexOf("/", 1);
  const third = second < 0 ? -1 : trimmed.indexOf("/", second + 1);
  return (third < 0 ? trimmed : trimmed.slice(0, third)).toLowerCase();
}

function declaredRoutes(
  routes: readonly Route[],
  handlerOf: (route: Route) => RequestHandler,
): Map<string, DeclaredRoute[]> {
  const paths = new Map<string, DeclaredPath>();
  const groups = new Map<string, DeclaredRoute[]>();
  const seen = new Set<string>();
  for (const route of routes) {
    const method = route.method.toUpperCase();
    const key = `${method} ${route.path}`;
    if (seen.has(key)) throw new Error(`${key} is declared twice`);
    seen.add(key);
    const declared = paths.get(route.path) ?? {
      path: route.path,
      // As express's router matches: any case, an optional trailing slash, the whole path;
      // parameters decoded (the percent-encoding guard before routing refused what would not).
      matches: match<Record<string, string>>(expressPath(route.path), {
        sensitive: false,
        trailing: true,
        end: true,
      }),
      allow: "",
    };
    declared.allow = [declared.allow, method, ...(method === "GET" ? ["HEAD"] : [])]
      .filter(Boolean)
      .join(", ");
    paths.set(route.path, declared);
    const group = groupOf(route.path);
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { declared, method, handler: handlerOf(route) },
    ]);
  }
  return groups;
}

/**
 * Every declared route behind one middleware: a request is matched only against the routes of
 * its own resource (its first two segments), in declaration order, as express's router would,
 * without a router, its layers and a route object to walk on every request. The first route
 * whose path matches and that takes the method answers; a path that matches with no route for
 * the method is 405 with the `Allow` of the first such path; a path that matches nothing goes
 * on to what follows (operations, console, 404). `routeDispatch.property.test.ts` holds it to
 * express's router.
 */
export function routeDispatch(
  routes: readonly Route[],
  handlerOf: (route: Route) => RequestHandler,
): RequestHandler {
  const groups = declaredRoutes(routes, handlerOf);
  return (req, res, next) => {
    const path = req.path;
    const candidates = groups.get(groupOf(path));
    if (candidates === undefined) return next();
    const method = req.method === "HEAD" ? "GET" : req.method;
    let refused: DeclaredPath | undefined;
    for (const { declared, method: takes, handler } of candidates) {
      if (takes !== method && refused !== undefined) continue;
      const found = declared.matches(path);
      if (!found) continue;
      if (takes !== method) {
        refused = declared;
        continue;
      }
      req.params = found.params;
      return handler(req, res, next);
    }
    if (refused === undefined) return next();
    res.locals.routePattern = refused.path;
    next(new HttpProblem("method_not_allowed", undefined, {}, { Allow: refused.allow }));
  };
}
