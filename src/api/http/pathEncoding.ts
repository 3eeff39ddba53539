import type { RequestHandler } from "express";
import { HttpProblem } from "./problems.js";

const decodes = (segment: string): boolean => {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
};

const isParameter = (part: string) => part.startsWith("{") && part.endsWith("}");

/**
 * A path that is not valid percent-encoding is the client's fault (DESIGN §4: 400), checked
 * before routing so no router or handler ever decodes it. The problem names the declared
 * parameter the bad segment stands for, when a route's shape tells.
 */
export function percentEncodingGuard(declaredPaths: readonly string[]): RequestHandler {
  const templates = [...new Set(declaredPaths)].map((path) => path.split("/"));
  return (req, _res, next) => {
    // Only a percent sign can start an escape that does not decode; most paths have none.
    if (!req.path.includes("%")) {
      next();
      return;
    }
    const segments = req.path.split("/");
    const bad = segments.findIndex((segment) => !decodes(segment));
    if (bad < 0) {
      next();
      return;
    }
    const shaped = templates.find(
      (parts) =>
        parts.length === segments.length &&
        parts.every((part, at) => at === bad || isParameter(part) || part === segments[at]),
    );
    const part = shaped?.[bad];
    const path = part && isParameter(part) ? `/${part.slice(1, -1)}` : "";
    throw new HttpProblem("validation", "The path is not valid percent-encoding", {
      errors: [{ in: "params", path, message: "not valid percent-encoding" }],
    });
  };
}

/** HTTP/1.1 requires Host; Node's own check would answer a bare 400, so it is made here. */
export const requireHost: RequestHandler = (req, _res, next) => {
  if (req.httpVersion === "1.1" && req.headers.host === undefined) {
    throw new HttpProblem("malformed_request", "An HTTP/1.1 request names its Host");
  }
  next();
};
