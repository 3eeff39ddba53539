import { describe, expect, it } from "vitest";
import { startTestApi } from "./support/testApi.js";

describe("graceful shutdown", () => {
  it("finishes the request in flight, refuses new connections, then closes the store", async () => {
    const t = await startTestApi();
    // Close only once the server has the request: a connection whose request has not arrived
    // yet is idle, and reaping idle connections is what shutdown should do.
    const arrived = new Promise((resolve) => t.server.server.once("request", resolve));
    const inFlight = fetch(`${t.url}/v1/slow?ms=300`);
    await arrived;
    const closed = t.server.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ waited: 300 });
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
    await closed;
    await expect(
      t.store.append("late", [{ eventId: crypto.randomUUID(), type: "Late", data: {} }]),
    ).rejects.toThrow();
    await t.close();
  });

  it("answers /ready with 503 once shutdown has begun", async () => {
    const t = await startTestApi();
    t.api.beginShutdown();
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    await t.close();
  });
});
