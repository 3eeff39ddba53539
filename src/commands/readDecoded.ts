import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { EventStore } from "../store/eventStore.js";
import type { RecordedEvent } from "../store/types.js";

const PAGE = 1000;

/** Reads a whole stream with its personal fields decrypted; "[erased]" where the key is gone. */
export async function readDecodedStream(
  store: EventStore,
  codec: FieldCodec,
  streamId: string,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, { from: events.length, limit: PAGE });
    const keys = await codec.keysFor(page);
    for (const event of page) {
      events.push({ ...event, data: codec.decodeWith(keys, streamId, event.type, event.data) });
    }
    if (page.length < PAGE) return events;
  }
}
