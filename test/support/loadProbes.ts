import { randomUUID } from "node:crypto";
import type { EventStore } from "../../src/store/eventStore.js";

/**
 * `count` events of a type no model knows, numbered from 0 in `data.n`, in a stream of their
 * own and a thousand to an append: a large store for tests of what its size costs.
 */
export async function appendLoadProbes(
  store: Pick<EventStore, "append">,
  count: number,
  streamId = "load-probe",
): Promise<void> {
  for (let written = 0; written < count; written += 1_000) {
    const events = Array.from({ length: Math.min(1_000, count - written) }, (_, n) => ({
      eventId: randomUUID(),
      type: "LoadProbed",
      data: { n: written + n },
    }));
    await store.append(streamId, events);
  }
}
