import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute } from "../../src/api/http/routeDefinition.js";

const base = {
  method: "post",
  path: "/v1/things",
  summary: "s",
  tags: ["t"],
  responses: { 204: null },
} as const;

describe("declaring a route", () => {
  it("accepts strict objects with bounded strings", () => {
    const route = defineRoute({
      ...base,
      body: z.strictObject({
        note: z.string().max(10),
        id: z.uuid(),
        kind: z.enum(["a"]),
        at: z.iso.datetime(),
      }),
    }).handle(async () => ({ status: 204, body: undefined }));
    expect(route.idempotent).toBe(true);
  });

  it("refuses a nested object that would let unknown fields through", () => {
    const body = z.strictObject({ detail: z.object({ note: z.string().max(10) }) });
    expect(() => defineRoute({ ...base, body })).toThrow(/\/detail: objects must be strict/);
  });

  it("refuses a string without a maximum length, also inside arrays", () => {
    expect(() =>
      defineRoute({ ...base, body: z.strictObject({ notes: z.array(z.string()) }) }),
    ).toThrow(/\/notes\/\[\]: strings must have a maximum length/);
  });

  it("makes a top-level object strict by itself", () => {
    const route = defineRoute({ ...base, body: z.object({ note: z.string().max(10) }) }).handle(
      async () => ({
        status: 204,
        body: undefined,
      }),
    );
    expect(route.body!.safeParse({ note: "x", extra: 1 }).success).toBe(false);
  });

  it("refuses a path parameter without a params schema", () => {
    expect(() => defineRoute({ ...base, path: "/v1/things/{thingId}" })).toThrow(/params schema/);
  });
});
