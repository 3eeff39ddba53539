import type { EventStore } from "../../store/eventStore.js";
import type { RecordedEvent } from "../../store/types.js";
import { readWholeStream } from "../../store/wholeStream.js";
import type { FieldCodec } from "./fieldCodec.js";

/** Reads a stream from a revision on, personal fields decrypted; "[erased]" where the key is gone. */
export async function readDecodedStream(
  store: EventStore,
  codec: FieldCodec,
  streamId: string,
  from = 0,
): Promise<RecordedEvent[]> {
  const events = await readWholeStream(store, streamId, from);
  const keys = await codec.keysFor(events);
  return events.map((event) => ({
    ...event,
    data: codec.decodeWith(keys, streamId, event.type, event.data),
  }));
}
