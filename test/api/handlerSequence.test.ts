import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inSequence } from "../../src/api/http/handlerSequence.js";

const step =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.steps = [...(res.locals.steps ?? []), name];
    next();
  };
const answer: RequestHandler = (_req, res) => {
  res.json({ steps: res.locals.steps });
};
const problem: ErrorRequestHandler = (error, _req, res, _next) => {
  res.status(418).json({ error: String((error as Error).message ?? error) });
};

describe("Given handlers run as one sequence", () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.get("/order", inSequence([step("a"), step("b"), answer]));
    app.get(
      "/thrown",
      inSequence([
        step("a"),
        () => {
          throw new Error("thrown");
        },
        answer,
      ]),
    );
    app.get(
      "/rejected",
      inSequence([
        async () => {
          throw new Error("rejected");
        },
        answer,
      ]),
    );
    app.get("/next-error", inSequence([(_q, _s, next) => next(new Error("passed")), answer]));
    app.get(
      "/route",
      inSequence([(_q, _s, next) => next("route"), answer]),
      step("same route"),
      answer,
    );
    app.get("/route", step("next route"), answer);
    app.get("/empty", inSequence([]), answer);
    app.use(problem);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it("when every step calls next, then they run in order and the last answers", async () => {
    expect(await get("/order")).toEqual({ status: 200, body: { steps: ["a", "b"] } });
  });

  it("when a step throws, rejects or passes an error, then express's error handler gets it and later steps do not run", async () => {
    expect(await get("/thrown")).toEqual({ status: 418, body: { error: "thrown" } });
    expect(await get("/rejected")).toEqual({ status: 418, body: { error: "rejected" } });
    expect(await get("/next-error")).toEqual({ status: 418, body: { error: "passed" } });
  });

  it("when a step says next('route'), then express skips the rest of the route, as from a listed handler", async () => {
    expect(await get("/route")).toEqual({ status: 200, body: { steps: ["next route"] } });
  });

  it("when the sequence is empty, then the request goes on to the next handler", async () => {
    expect(await get("/empty")).toEqual({ status: 200, body: {} });
  });
});
