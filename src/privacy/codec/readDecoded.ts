import type { EventStore } from "../../store/eventStore.js";
import type { RecordedEvent } from "../../store/types.js";
import type { FieldCodec } from "./fieldCodec.js";

const PAGE = 1000;

/** Reads a stream from a revision on, personal fields decrypted; "[erased]" where the key is gone. */
export async function readDecodedStream(
  store: EventStore,
  codec: FieldCodec,
  streamId: string,
  from = 0,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, { from: from + events.length, limit: PAGE });
    const keys = await codec.keysFor(page);
    for (const event of page) {
      events.push({ ...event, data: codec.decodeWith(keys, streamId, event.type, event.data) });
    }
    if (page.length < PAGE) return events;
  }
}
