import type { EventStore } from "../../store/eventStore.js";
import type { NewEvent } from "../../store/types.js";

/**
 * Appends items to one stream in as few commits as the load allows: what arrives while a
 * commit runs goes into the next one, `pack`ed into events (several items may share one).
 * Each caller's promise resolves once its batch is appended and `settled(position)` resolved
 * (e.g. the read models applied it); that wait does not hold up the next commit.
 */
export function batchAppender<T>(
  store: EventStore,
  streamId: string,
  pack: (items: readonly T[]) => NewEvent[],
  settled: (position: bigint) => Promise<unknown> = async () => {},
): (item: T) => Promise<bigint> {
  let waiting: { item: T; settle: (result: bigint | Error) => void }[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      const settleAll = (result: bigint | Error) => {
        for (const entry of batch) entry.settle(result);
      };
      try {
        const { position } = await store.append(streamId, pack(batch.map((entry) => entry.item)));
        void settled(position).then(
          () => settleAll(position),
          (error: Error) => settleAll(error),
        );
      } catch (error) {
        settleAll(error as Error);
      }
    }
    flushing = false;
  }

  return (item: T): Promise<bigint> =>
    new Promise((resolve, reject) => {
      waiting.push({
        item,
        settle: (result) => (result instanceof Error ? reject(result) : resolve(result)),
      });
      if (!flushing) {
        flushing = true;
        void flush();
      }
    });
}

/** `items` in runs of at most `size`, in order. */
export function inRuns<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    runs.push(items.slice(start, start + size));
  return runs;
}
