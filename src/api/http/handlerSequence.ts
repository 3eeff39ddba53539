import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Several handlers as one: the same order and the same `next(error)` contract as listing them
 * in express, without a router layer per step. A case read passes some fifteen handlers, and
 * express's layer walk cost more than any one of them.
 */
export function inSequence(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    const next = (error?: unknown) => {
      // "route" and "router" are express's own signals; like errors they leave the sequence.
      if (error !== undefined && error !== null && error !== false) return done(error);
      const handler = handlers[index++];
      if (!handler) return done();
      try {
        const result: unknown = handler(req, res, next);
        if (result instanceof Promise) result.catch(done);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}
