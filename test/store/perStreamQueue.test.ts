import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { perStreamQueue } from "../../src/store/perStreamQueue.js";

describe("per-stream queue", () => {
  test("given work on one stream, then it runs one at a time in arrival order; other streams run alongside", async () => {
    const queue = perStreamQueue();
    const log: string[] = [];
    const work = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
    };

    await Promise.all([
      queue("a", work("a1", 30)),
      queue("a", work("a2", 1)),
      queue("b", work("b1", 1)),
    ]);

    expect(log.indexOf("a2 start")).toBeGreaterThan(log.indexOf("a1 end"));
    expect(log.indexOf("b1 end")).toBeLessThan(log.indexOf("a1 end"));
  });

  test("given work that fails, then the next work on the stream still runs and gets its own result", async () => {
    const queue = perStreamQueue();

    const failed = queue("a", async () => {
      throw new Error("refused");
    });
    const next = queue("a", async () => "ran");

    await expect(failed).rejects.toThrow("refused");
    expect(await next).toBe("ran");
  });
});
