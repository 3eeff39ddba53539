import { setImmediate as nextTurn } from "node:timers/promises";
import type { EventStore } from "./eventStore.js";
import type { RecordedEvent } from "./types.js";

const WHOLE_STREAM_PAGE = 1000;

/**
 * Every event of a stream from revision `from` on, in pages: `readStream` without a limit
 * answers its first 1000 only, which is not the whole of a long case or session. A turn of the
 * event loop between pages, so a stream of years is read beside the requests.
 */
export async function readWholeStream(
  store: Pick<EventStore, "readStream">,
  streamId: string,
  from = 0,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, {
      from: from + events.length,
      limit: WHOLE_STREAM_PAGE,
    });
    for (const event of page) events.push(event);
    if (page.length < WHOLE_STREAM_PAGE) return events;
    await nextTurn();
  }
}
