import type { EventStore } from "./eventStore.js";
import {
  type BrokenLink,
  type ChainTip,
  GENESIS_TIP,
  linkFault,
  verifyStream,
} from "./hashChain.js";
import { sweepPacer } from "./sweepPace.js";
import type { RecordedEvent } from "./types.js";

export interface IntegrityWatchOptions {
  store: EventStore;
  /** From the end of one sweep over every stream to the start of the next. */
  sweepIntervalMs: number;
  /** A stream not known to be broken was found broken: its first broken link. */
  onBroken(link: BrokenLink): void;
  /** A stream known to be broken verified whole again (say, a row restored from a backup). */
  onRestored(streamId: string): void;
  /** The store could not be read; the next event or sweep tries again. */
  onError(error: unknown): void;
  /** Streams whose last event the live check remembers; others cost one read when they move. */
  maxTips?: number;
}

/**
 * Verifies the hash chains off the request path: every new event handed to `check` as it is
 * committed (one hash and a comparison with the stream's remembered tip), and every stream on
 * a schedule, which is what finds an edit to a row written long ago.
 */
export interface IntegrityWatch {
  /** Streams broken as far as the last sweep and the live check know. */
  readonly brokenStreams: number;
  /** Whether a sweep over every stream has finished since start. */
  readonly swept: boolean;
  /**
   * Checks a newly committed event, as stored, against its stream's last one. Events must come
   * in commit order, from a reader that already follows the store (the projector).
   */
  check(event: RecordedEvent): void;
  /** Sweeps now, and again an interval after each sweep ends. */
  start(): void;
  /** Verifies every stream now (or joins the sweep already running). */
  sweep(): Promise<void>;
  /** Stops checking and scheduling; resolves once no sweep runs. */
  stop(): Promise<void>;
}

const STREAMS_PER_PAGE = 500;
// 50 events are about a millisecond of reading and hashing: the longest a request waits behind a page.
const EVENTS_PER_PAGE = 50;

export function createIntegrityWatch(options: IntegrityWatchOptions): IntegrityWatch {
  const { store, maxTips = 10_000 } = options;
  const broken = new Map<string, BrokenLink>();
  const tips = new Map<string, ChainTip>();
  // Streams the live check flagged since the running sweep began: that sweep may have read them earlier.
  let flaggedLive = new Set<string>();
  // Events waiting behind one whose stream's tip must first be read from the store.
  const waiting: RecordedEvent[] = [];
  let draining = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let swept = false;
  let stopped = false;
  const stopping = new AbortController();

  function flag(link: BrokenLink): void {
    if (broken.has(link.streamId)) return;
    broken.set(link.streamId, link);
    options.onBroken(link);
  }

  function remember(streamId: string, tip: ChainTip): void {
    tips.delete(streamId);
    if (tips.size >= maxTips) tips.delete(tips.keys().next().value!);
    tips.set(streamId, tip);
  }

  const knownTip = (event: RecordedEvent): ChainTip | undefined =>
    tips.get(event.streamId) ?? (event.revision === 0 ? GENESIS_TIP : undefined);

  async function storedTipBefore(event: RecordedEvent): Promise<ChainTip | null> {
    const [previous] = await store.readStream(event.streamId, {
      from: event.revision - 1,
      limit: 1,
    });
    return previous?.revision === event.revision - 1 ? previous : null;
  }

  function verifyLink(tip: ChainTip | null, event: RecordedEvent): void {
    const reason = tip === null ? "revision_gap" : linkFault(tip, event);
    remember(event.streamId, { revision: event.revision, hash: event.hash });
    if (reason === null) return;
    flaggedLive.add(event.streamId);
    flag({ streamId: event.streamId, revision: event.revision, eventId: event.eventId, reason });
  }

  /** Works through the waiting events in order; only a forgotten tip costs a read. */
  async function drain(): Promise<void> {
    draining = true;
    while (waiting.length > 0 && !stopped) {
      const event = waiting[0]!;
      try {
        verifyLink(knownTip(event) ?? (await storedTipBefore(event)), event);
      } catch (error) {
        // Unchecked then, and checked by the next sweep; its stream's next event reads afresh.
        tips.delete(event.streamId);
        options.onError(error);
      }
      waiting.shift();
    }
    draining = false;
  }

  function check(event: RecordedEvent): void {
    if (stopped) return;
    const tip = waiting.length === 0 ? knownTip(event) : undefined;
    // The common case is done at once, while the event is in hand: one hash, no read.
    if (tip) {
      verifyLink(tip, event);
      return;
    }
    waiting.push(event);
    if (!draining) void drain();
  }

  async function sweepEveryStream(): Promise<void> {
    flaggedLive = new Set();
    const found = new Set<string>();
    const pause = sweepPacer(stopping.signal);
    let after: string | undefined;
    for (;;) {
      const streams = await store.listStreams({ after, limit: STREAMS_PER_PAGE });
      for (const streamId of streams) {
        const { broken: link } = await verifyStream(store, streamId, EVENTS_PER_PAGE, pause);
        if (link) {
          found.add(streamId);
          flag(link);
        }
        await pause();
        if (stopped) return;
      }
      if (streams.length < STREAMS_PER_PAGE) break;
      after = streams.at(-1);
    }
    for (const streamId of [...broken.keys()]) {
      if (found.has(streamId) || flaggedLive.has(streamId)) continue;
      broken.delete(streamId);
      options.onRestored(streamId);
    }
    swept = true;
  }

  function sweep(): Promise<void> {
    running ??= sweepEveryStream()
      .catch((error: unknown) => {
        if (!stopped) options.onError(error);
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  /** Sweeps now, and again an interval after each sweep ends. */
  function sweepOnSchedule(): void {
    void sweep().then(() => {
      if (stopped) return;
      timer = setTimeout(sweepOnSchedule, options.sweepIntervalMs);
      timer.unref();
    });
  }

  return {
    get brokenStreams() {
      return broken.size;
    },
    get swept() {
      return swept;
    },
    check,
    start: sweepOnSchedule,
    sweep,
    async stop() {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
