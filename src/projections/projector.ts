import type { Subscription } from "../store/eventStore.js";
import { type RecordedEvent, START } from "../store/types.js";
import { type FeedDeps, ModelFeed } from "./modelFeed.js";
import type { ReadModel, Shelved } from "./readModel.js";
import { replay, type Source } from "./replay.js";

export interface ProjectorOptions extends FeedDeps {
  models: readonly ReadModel[];
  /** Events per readAll page while catching up or rebuilding; default 1000. */
  pageSize?: number;
  /** Sees each live event as stored, before it is decoded: the integrity watch checks it there. */
  onLiveEvent?: (event: RecordedEvent) => void;
  /**
   * How long the rows of live events wait for more to commit with while nobody waits for them
   * (default 100 ms); a wait for a position, or LIVE_COMMIT_EVENTS events fed, commits at once.
   */
  liveCommitDelayMs?: number;
}

/**
 * Live events fed since the last commit after which the next one starts at once, delay or not:
 * it bounds the projection's lag in a burst of writes (readiness allows system.ts's READY_LAG_LIMIT).
 */
export const LIVE_COMMIT_EVENTS = 250;

/**
 * Keeps the read models up to date with the store.
 *
 * Most read models live in memory and are rebuilt from START at every process start: nothing
 * persisted can be stale, hold plaintext of a subject erased while the process was down, or
 * drift from the code that builds it. The models that grow with every read (the access and
 * processing logs) are shelved in tables beside the events instead, and resume from their
 * checkpoint; one whose version changed is rebuilt blue-green after start.
 */
export interface Projector {
  /** Global position of the last event every model has applied (START before any). */
  readonly position: bigint;
  /** Why the projector stopped (a field that failed to decode, a store error), or null. */
  readonly failure: Error | null;
  /** Catches up from START in pages, then follows live appends; resolves once caught up. */
  start(): Promise<void>;
  /** Resolves true once the models have applied `position`, false after timeoutMs; rejects if the projector failed. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  /**
   * Empties the named model (every model when none is named) and replays the store into it up
   * to `position`; a shelved model is rebuilt beside its live copy, which keeps answering and
   * following the store until the new copy has caught up and takes its place.
   */
  rebuild(modelName?: string): Promise<void>;
  /** Resolves once the blue-green rebuilds start began (shelved models whose version changed) have swapped. */
  swapped(): Promise<void>;
  /** True while healthy and no stored event lies beyond `position`. */
  caughtUp(): Promise<boolean>;
  /** Stops following the store; pending waits resolve false. */
  stop(): Promise<void>;
}

type Waiter = { target: bigint; settle: (reached: boolean | Error) => void };

export function createProjector(options: ProjectorOptions): Projector {
  const { store, models, pageSize = 1000, liveCommitDelayMs = 100 } = options;
  const live = new ModelFeed(options, models);
  let position = START;
  // The last live event fed to the models; `position` follows once their rows are committed.
  let applied = START;
  // A commit of the live rows is due and has not begun; `delayed` while it waits for company.
  let committing = false;
  let delayed: NodeJS.Timeout | null = null;
  let fedSinceCommit = 0;
  let failure: Error | null = null;
  let subscription: Subscription | null = null;
  let stopped = false;
  let staleRebuilds: Promise<void> = Promise.resolve();
  const waiters = new Set<Waiter>();
  // Catch-up, live events and rebuilds take turns: a model never sees two feeds at once.
  let turn: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work);
    turn = next.catch(() => {});
    return next;
  };
  // Commits of live rows take turns among themselves, beside the feed: the next live event
  // reaches the models in memory while the rows of the ones before it are still being committed
  // (with SQLite, by the read-model file's worker thread).
  let commits: Promise<unknown> = Promise.resolve();
  const commitInTurn = (): Promise<void> => {
    const next = commits.then(commitLive);
    commits = next.catch(() => {});
    return next;
  };

  function advance(to: bigint): void {
    position = to;
    for (const waiter of waiters) if (waiter.target <= to) waiter.settle(true);
  }

  function fail(error: unknown): Error {
    failure ??= error instanceof Error ? error : new Error(String(error));
    for (const waiter of waiters) waiter.settle(failure);
    return failure;
  }

  /** Replays into `feed`; the live feed's replays move the projector's position as they commit. */
  const replayInto = (feed: ModelFeed, from: bigint, upTo: bigint | null, source?: Source) =>
    replay({
      store,
      pageSize,
      feed,
      from,
      upTo,
      source,
      onCommitted: upTo === null ? advance : undefined,
    });

  async function onLiveEvent(event: RecordedEvent) {
    await serially(async () => {
      if (failure !== null) throw failure;
      if (event.position <= applied) return;
      options.onLiveEvent?.(event);
      try {
        await live.feed([event]);
      } catch (error) {
        // Rethrown so the subscription ends: a decode failure stops the projector, loudly.
        throw fail(error);
      }
      applied = event.position;
      fedSinceCommit++;
      scheduleCommit();
    });
  }

  /**
   * Live rows wait for company: a commit writes every page its rows touch (a leaf per index),
   * so fewer, larger commits write each page once. Nobody who waits for a position waits for it.
   */
  function scheduleCommit(): void {
    const now = waiters.size > 0 || fedSinceCommit >= LIVE_COMMIT_EVENTS;
    if (committing && !(now && delayed !== null)) return;
    if (delayed !== null) clearTimeout(delayed);
    committing = true;
    delayed = now ? null : setTimeout(beginCommit, liveCommitDelayMs);
    if (now) setImmediate(beginCommit);
  }

  function beginCommit(): void {
    delayed = null;
    void commitInTurn().catch(() => {});
  }

  /** Commits the shelved models' rows of the live events fed so far; readers see them from then on. */
  async function commitLive(): Promise<void> {
    if (delayed !== null) clearTimeout(delayed);
    delayed = null;
    committing = false;
    fedSinceCommit = 0;
    const through = applied;
    if (failure !== null || through <= position) return;
    try {
      await live.flush(through);
    } catch (error) {
      throw fail(error);
    }
    advance(through);
  }

  /**
   * Fills a new copy of a shelved model from START in pages while the live copy keeps answering
   * and following the store; only the last stretch and the swap take the live feed's turn.
   */
  async function blueGreen(model: Shelved): Promise<void> {
    const built = await model.rebuildCopy();
    const feed = new ModelFeed(options, [built]);
    let reached = START;
    while (!stopped && position - reached > BigInt(pageSize)) {
      reached = await replayInto(feed, reached, position);
    }
    await built.shelved?.indexCopy();
    await serially(async () => {
      if (failure !== null) throw failure;
      await commitInTurn();
      await replayInto(feed, reached, position);
      await model.adopt(built);
    });
  }

  function rebuildInMemory(chosen: readonly ReadModel[]): Promise<void> {
    if (chosen.length === 0) return Promise.resolve();
    return serially(async () => {
      if (failure !== null) throw failure;
      await commitInTurn();
      for (const model of chosen) model.reset();
      await replayInto(new ModelFeed(options, chosen), START, position, "past read records");
    });
  }

  /**
   * Up to where a start may page past read records: the lowest shelved checkpoint (their rows
   * before it are committed), else the head. Models in memory never see read records.
   */
  const pastReadRecordsUpTo = (head: bigint) =>
    models.reduce(
      (upTo, { shelved }) => (shelved && shelved.checkpoint < upTo ? shelved.checkpoint : upTo),
      head,
    );

  /**
   * From START to the shelved checkpoints every model is fed past the read records, which are
   * most of the store; from there on everything. So a start reads the case work and only the
   * read records that came after the last checkpoint.
   */
  async function catchUp(): Promise<void> {
    if (position === START) {
      const upTo = pastReadRecordsUpTo(await store.headPosition());
      await replayInto(live, START, upTo, "past read records");
      advance(upTo);
    }
    await replayInto(live, position, null);
    // A copy first filled by this catch-up gets its indexes now, before anything asks it.
    for (const model of models) await model.shelved?.indexCopy();
  }

  return {
    get position() {
      return position;
    },
    get failure() {
      return failure;
    },
    async start() {
      try {
        await serially(catchUp);
      } catch (error) {
        throw fail(error);
      }
      if (stopped) return;
      applied = position;
      subscription = store.subscribe(onLiveEvent, { fromPosition: position });
      subscription.closed.catch((error) => fail(error));
      const stale = models.flatMap((model) => (model.shelved?.stale ? [model.shelved] : []));
      staleRebuilds = Promise.all(stale.map(blueGreen)).then(
        () => {},
        (error) => void fail(error),
      );
    },
    swapped: () => staleRebuilds,
    waitFor(target, timeoutMs) {
      if (failure !== null) return Promise.reject(failure);
      if (position >= target) return Promise.resolve(true);
      if (stopped) return Promise.resolve(false);
      return new Promise<boolean>((resolve, reject) => {
        const waiter: Waiter = {
          target,
          settle: (reached) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            if (reached instanceof Error) reject(reached);
            else resolve(reached);
          },
        };
        const timer = setTimeout(() => waiter.settle(false), timeoutMs);
        waiters.add(waiter);
        if (committing) scheduleCommit();
      });
    },
    rebuild(modelName) {
      const chosen = models.filter((model) => modelName === undefined || model.name === modelName);
      if (chosen.length === 0) return Promise.reject(new Error(`no read model named ${modelName}`));
      if (failure !== null) return Promise.reject(failure);
      const shelved = chosen.flatMap((model) => (model.shelved ? [model.shelved] : []));
      const inMemory = chosen.filter((model) => model.shelved === undefined);
      return Promise.all([rebuildInMemory(inMemory), ...shelved.map(blueGreen)]).then(
        () => {},
        (error) => {
          throw fail(error);
        },
      );
    },
    async caughtUp() {
      if (failure !== null || stopped) return false;
      return position >= (await store.headPosition());
    },
    async stop() {
      stopped = true;
      await subscription?.stop();
      await serially(commitInTurn).catch(() => {});
      for (const waiter of waiters) waiter.settle(false);
    },
  };
}
