import { describe, expect, test } from "vitest";
import { groupCommit, type Settled } from "../../src/store/groupCommit.js";

/** A flush that records each batch it was given and answers every request with itself doubled. */
function recordingFlush() {
  const batches: number[][] = [];
  const flush = async (batch: number[]): Promise<Settled<number>[]> => {
    batches.push(batch);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return batch.map((n) =>
      n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 2 },
    );
  };
  return { batches, flush };
}

describe("group commit (DESIGN.md §2: concurrent single-event appends share a commit)", () => {
  test("given requests arriving at once, then they are flushed in one batch and each gets its own answer", async () => {
    const { batches, flush } = recordingFlush();
    const commit = groupCommit(flush);

    const answers = await Promise.all([1, 2, 3, 4].map(commit));

    expect(answers).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  test("given requests arriving while a flush runs, then they wait and share the next flush", async () => {
    const { batches, flush } = recordingFlush();
    const commit = groupCommit(flush);

    const first = commit(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = await Promise.all([2, 3, 4].map(commit));

    expect(await first).toBe(2);
    expect(later).toEqual([4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  test("given one refused request in a batch, then only it fails", async () => {
    const { flush } = recordingFlush();
    const commit = groupCommit(flush);

    const settled = await Promise.allSettled([1, -1, 3].map(commit));

    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error("refused -1"));
  });

  test("given more requests than the batch limit, then batches never exceed it", async () => {
    const { batches, flush } = recordingFlush();
    const commit = groupCommit(flush, 3);

    await Promise.all([1, 2, 3, 4, 5, 6, 7].map(commit));

    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  test("given a flush that throws, then every request of that batch fails and the next batch runs", async () => {
    let calls = 0;
    const commit = groupCommit(async (batch: number[]): Promise<Settled<number>[]> => {
      calls++;
      if (calls === 1) throw new Error("disk full");
      return batch.map((n) => ({ ok: true, value: n }));
    });

    const failed = await Promise.allSettled([1, 2].map(commit));
    const next = await commit(3);

    expect(failed.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(next).toBe(3);
  });
});
