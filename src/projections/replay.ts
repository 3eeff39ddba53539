import type { EventStore } from "../store/eventStore.js";
import type { ModelFeed } from "./modelFeed.js";

/** What a replay reads: every event, or every event outside the read-record streams. */
export type Source = "everything" | "past read records";

export interface Replay {
  store: EventStore;
  pageSize: number;
  feed: ModelFeed;
  /** Exclusive: the last position already applied. */
  from: bigint;
  /** Inclusive: where to stop; null for the store's head as the pages find it. */
  upTo: bigint | null;
  source?: Source;
  /** Called once the rows of everything up to `through` are committed. */
  onCommitted?: (through: bigint) => void;
}

/**
 * Feeds the store's events after `from` to `feed` in pages; resolves with the last position
 * fed, its rows committed. Pipelined: while the worker threads decrypt one page and commit the
 * rows of the one before, this thread reads the next and folds, which is what lets a rebuild
 * use a second core.
 */
export async function replay(options: Replay): Promise<bigint> {
  const { store, pageSize, feed, upTo, source = "everything", onCommitted } = options;
  const pages = source === "everything" ? store.readAll : store.readAllExceptReadRecords;
  const read = async (after: bigint) => {
    const page = await pages.call(store, { fromPosition: after, limit: pageSize });
    return upTo === null ? page : page.filter((event) => event.position <= upTo);
  };
  const commit = async (through: bigint) => {
    await feed.flush(through);
    onCommitted?.(through);
  };
  let reached = options.from;
  let committed: Promise<void> = Promise.resolve();
  let page = await read(reached);
  let decoding = feed.prepare(page);
  for (;;) {
    const last = page.length < pageSize;
    const next = last ? null : await read(page[page.length - 1]!.position);
    // A page that erases a subject changes the keys: the next one is prepared after it.
    const erases = decoding.leading < page.length;
    const nextDecoding = next !== null && !erases ? feed.prepare(next) : null;
    await feed.feedPrepared(decoding);
    if (page.length > 0) reached = page[page.length - 1]!.position;
    // One page's rows commit while the next page is fed (flush cuts at its position), so
    // the read-model file's worker writes while this thread folds; one commit at a time.
    await committed;
    committed = commit(reached);
    // Awaited before the next commit or the return; handled now so a failure waits for that.
    committed.catch(() => {});
    if (next === null) {
      await committed;
      return reached;
    }
    page = next;
    decoding = nextDecoding ?? feed.prepare(next);
  }
}
