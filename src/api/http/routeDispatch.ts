import type { RequestHandler } from "express";
import { type MatchFunction, match } from "path-to-regexp";
import { HttpProblem } from "./problems.js";
import { expressPath, type Route } from "./routeDefinition.js";

/** A declared path: its matcher and the handler of each method it takes (GET also serves HEAD). */
interface DeclaredPath {
  path: string;
  matches: MatchFunction<Record<string, string>>;
  handlers: Map<string, RequestHandler>;
  allow: string;
}

/** "/v1/cases" of "/v1/cases/{caseId}/shares" (and of "/V1/Cases/x": paths match regardless of case). */
function groupOf(path: string): string {
  const third = path.indexOf("/", path.indexOf("/", 1) + 1);
  return (third < 0 ? path : path.slice(0, third)).toLowerCase();
}

/** As express's router decodes a parameter; the percent-encoding guard has refused what would not decode. */
function decodeParameter(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpProblem("validation", "The path is not valid percent-encoding", {
      errors: [{ in: "params", path: "", message: "not valid percent-encoding" }],
    });
  }
}

function declaredPaths(
  routes: readonly Route[],
  handlerOf: (route: Route) => RequestHandler,
): Map<string, DeclaredPath[]> {
  const byPath = new Map<string, DeclaredPath>();
  for (const route of routes) {
    const declared = byPath.get(route.path) ?? {
      path: route.path,
      // As express's router matches: any case, an optional trailing slash, the whole path.
      matches: match<Record<string, string>>(expressPath(route.path), {
        sensitive: false,
        trailing: true,
        end: true,
        decode: decodeParameter,
      }),
      handlers: new Map(),
      allow: "",
    };
    const method = route.method.toUpperCase();
    declared.handlers.set(method, handlerOf(route));
    declared.allow = [declared.allow, method, ...(method === "GET" ? ["HEAD"] : [])]
      .filter(Boolean)
      .join(", ");
    byPath.set(route.path, declared);
  }
  const groups = new Map<string, DeclaredPath[]>();
  for (const declared of byPath.values()) {
    const group = groupOf(declared.path);
    groups.set(group, [...(groups.get(group) ?? []), declared]);
  }
  return groups;
}

/**
 * Every declared route behind one middleware: a request is matched only against the paths of
 * its own resource (its first two segments), in declaration order, as express's router would,
 * without a router, its layers and a route object to walk on every request. A path that
 * matches with a method it does not take is 405 with `Allow`; a path that matches nothing goes
 * on to what follows (operations, console, 404). `routeDispatch.property.test.ts` holds it to
 * express's router.
 */
export function routeDispatch(
  routes: readonly Route[],
  handlerOf: (route: Route) => RequestHandler,
): RequestHandler {
  const groups = declaredPaths(routes, handlerOf);
  return (req, res, next) => {
    const path = req.path;
    const candidates = groups.get(groupOf(path));
    if (candidates === undefined) return next();
    const method = req.method === "HEAD" ? "GET" : req.method;
    let refused: DeclaredPath | undefined;
    for (const declared of candidates) {
      const found = declared.matches(path);
      if (!found) continue;
      const handler = declared.handlers.get(method);
      if (handler === undefined) {
        refused ??= declared;
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
