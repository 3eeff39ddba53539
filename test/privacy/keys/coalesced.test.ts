import { expect, test } from "vitest";
import { coalesced } from "../../../src/privacy/keys/postgres/coalesced.js";

/** A task whose runs the test settles by hand. */
function manualTask() {
  const runs: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const task = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ resolve, reject });
    });
  return { runs, task };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

test("given a flush running, callers share the next one, started only once the running one ended", async () => {
  // Given a flush running
  const { runs, task } = manualTask();
  const flush = coalesced(task);
  const first = flush();

  // When two more callers arrive, then neither starts a flush of its own yet
  const second = flush();
  const third = flush();
  expect(second).toBe(third);
  expect(runs).toHaveLength(1);

  // When the running flush fails, then only its own caller sees it, and the next one starts
  runs[0]!.reject(new Error("first flush failed"));
  await expect(first).rejects.toThrow("first flush failed");
  await settled();
  expect(runs).toHaveLength(2);
  runs[1]!.resolve();
  await expect(second).resolves.toBeUndefined();

  // And a caller after everything settled starts a fresh flush
  const later = flush();
  expect(runs).toHaveLength(3);
  runs[2]!.resolve();
  await later;
});
