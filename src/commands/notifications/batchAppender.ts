import type { EventStore } from "../../store/eventStore.js";
import type { NewEvent } from "../../store/types.js";

/**
 * Appends events to one stream in as few commits as the load allows: what arrives while a
 * commit runs goes into the next one. Each caller learns the position its event landed at.
 */
export function batchAppender(store: EventStore, streamId: string) {
  let waiting: { event: NewEvent; settle: (result: bigint | Error) => void }[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const { position } = await store.append(
          streamId,
          batch.map((entry) => entry.event),
        );
        for (const entry of batch) entry.settle(position);
      } catch (error) {
        for (const entry of batch) entry.settle(error as Error);
      }
    }
    flushing = false;
  }

  return (event: NewEvent): Promise<bigint> =>
    new Promise((resolve, reject) => {
      waiting.push({
        event,
        settle: (result) => (result instanceof Error ? reject(result) : resolve(result)),
      });
      if (!flushing) {
        flushing = true;
        void flush();
      }
    });
}
