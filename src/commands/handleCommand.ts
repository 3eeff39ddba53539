import { setTimeout as sleep } from "node:timers/promises";
import type { Actor, CaseState, Decider, Json } from "../domain/index.js";
import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import { readDecodedStream } from "../privacy/codec/readDecoded.js";
import { WrongExpectedRevisionError } from "../store/errors.js";
import { newEventId } from "../store/eventIds.js";
import type { EventStore } from "../store/eventStore.js";
import type { EventMetadata, JsonObject, RecordedEvent } from "../store/types.js";
import { inStreamOrder, RETRY_BUDGET_MS, retryPause } from "./concurrentWriters.js";
import {
  bindKeyToStream,
  type IdempotentWrite,
  recordedWrite,
  withRequest,
} from "./idempotentWrite.js";

export interface CommandDeps {
  store: EventStore;
  codec: FieldCodec;
  /**
   * A case as the projector last folded it, so a command reads only the events appended
   * since. It is only a starting point: the append still expects the revision read.
   */
  caseSnapshot?: (caseId: string) => MaybeSnapshot<CaseState>;
}

/** A stream's state folded up to a revision. */
export interface Snapshot<S> {
  state: S;
  revision: number;
}

/** A snapshot to start from, if one is at hand (looking may need the key store). */
export type MaybeSnapshot<S> = Snapshot<S> | undefined | Promise<Snapshot<S> | undefined>;

export interface HandleOptions {
  /** The revision the client last saw (If-Match), or "exists" (If-Match: *); a mismatch fails without retry. */
  expectedRevision?: number | "exists";
  correlationId?: string;
  /** The caller's Idempotency-Key: a retry finds the first attempt's events and answers from them. */
  idempotency?: IdempotentWrite;
}

export interface Handled<Event, State> {
  events: Event[];
  state: State;
  /** The stream's revision after the append (its revision before, when nothing was written). */
  revision: number;
  /** Global position of the last event written, for read-your-writes; null when nothing was written. */
  position: bigint | null;
}

/** The retention job acts without a user, so the actor is optional. */
type Command = { actor?: Actor; type: string };

/** One command to run: where, with which decider and context, and how. */
export interface CommandJob<C extends Command, E extends { type: string; data: object }, S, Ctx> {
  deps: CommandDeps;
  streamId: string;
  decider: Decider<C, E, S, Ctx>;
  /** What decide needs besides the state, read after the fold (e.g. the covenant now). */
  loadContext: (state: S) => Promise<Ctx>;
  command: C;
  options?: HandleOptions;
  /** A folded state to start from, so only newer events are read. */
  snapshot?: () => MaybeSnapshot<S>;
}

/**
 * The one path for every command (STYLE.md): read the stream, fold it, decide, encrypt the
 * personal fields, append at the revision read. Commands on one stream run one after another
 * in this process, so they never conflict with each other; a writer in another process can
 * still make the append fail, and then a command without an expectation of its own decides
 * again on the fresh state (which is why decide must be pure), after a jittered pause.
 */
export function handleCommand<C extends Command, E extends { type: string; data: object }, S, Ctx>(
  given: CommandJob<C, E, S, Ctx>,
): Promise<Handled<E, S>> {
  const job = { ...given, options: given.options ?? {} };
  const { deps, streamId, decider, options } = job;
  const write = options.idempotency;
  if (write) bindKeyToStream(write, streamId);
  return inStreamOrder(deps.store)(streamId, async () => {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const earlier = write && (await recordedWrite(deps.store, streamId, write));
      if (earlier) return replay(deps, streamId, decider, earlier, write!);
      try {
        return await decideAndAppend(job);
      } catch (error) {
        const pause = retryPause(error, attempt, {
          expectedRevision: options.expectedRevision,
          keyed: write !== undefined,
        });
        if (pause === undefined || Date.now() + pause - started > RETRY_BUDGET_MS) throw error;
        await sleep(pause);
      }
    }
  });
}

async function decideAndAppend<
  C extends Command,
  E extends { type: string; data: object },
  S,
  Ctx,
>({
  deps,
  streamId,
  decider,
  loadContext,
  command,
  options,
  snapshot,
}: CommandJob<C, E, S, Ctx> & { options: HandleOptions }): Promise<Handled<E, S>> {
  const { state, revision: current } = await readState(deps, streamId, decider, await snapshot?.());
  if (!matches(options.expectedRevision, current)) {
    throw new WrongExpectedRevisionError(streamId, options.expectedRevision ?? "any", current);
  }
  const { store, codec } = deps;
  const events = decider.decide(command, state, await loadContext(state));
  const after = events.reduce(decider.evolve, state);
  if (events.length === 0) return { events, state: after, revision: current, position: null };
  const write = options.idempotency;
  const metadata = metadataOf(command, options.correlationId);
  const encoded = await Promise.all(
    events.map(async (event, i) => ({
      eventId: write ? write.eventId(i) : newEventId(),
      type: event.type,
      data: await codec.encode(streamId, { type: event.type, data: event.data as JsonObject }),
      metadata: write ? withRequest(metadata, write) : metadata,
    })),
  );
  const result = await store.append(streamId, encoded, {
    expectedRevision: current < 0 ? "no_stream" : current,
  });
  return { events, state: after, revision: result.nextRevision, position: result.position };
}

/** The answer the first attempt gave: its events, the state right after them, where they landed. */
async function replay<E, S>(
  deps: CommandDeps,
  streamId: string,
  decider: { initialState: S; evolve: (state: S, event: never) => S },
  recorded: readonly RecordedEvent[],
  write: IdempotentWrite,
): Promise<Handled<E, S>> {
  const last = recorded[recorded.length - 1]!;
  const history = (await readDecodedStream(deps.store, deps.codec, streamId)).filter(
    (event) => event.revision <= last.revision,
  );
  write.replayed = true;
  return {
    events: history.slice(-recorded.length).map(({ type, data }) => ({ type, data }) as E),
    state: fold(decider, history),
    revision: last.revision,
    position: last.position,
  };
}

function matches(expected: HandleOptions["expectedRevision"], current: number): boolean {
  if (expected === undefined) return true;
  return expected === "exists" ? current >= 0 : expected === current;
}

/**
 * A stream's state now, personal fields decoded: the snapshot (when given) plus only the events
 * after it, else the stream read whole; revision -1 when the stream does not exist.
 */
export async function readState<S>(
  deps: CommandDeps,
  streamId: string,
  decider: { initialState: S; evolve: (state: S, event: never) => S },
  from?: Snapshot<S>,
): Promise<Snapshot<S>> {
  const base = from ?? { state: decider.initialState, revision: -1 };
  const newer = await readDecodedStream(deps.store, deps.codec, streamId, base.revision + 1);
  return { state: fold(decider, newer, base.state), revision: base.revision + newer.length };
}

/** Folds decoded events into a decider's state. */
export function fold<S>(
  decider: { initialState: S; evolve: (state: S, event: never) => S },
  history: readonly RecordedEvent[],
  from: S = decider.initialState,
): S {
  let state = from;
  for (const event of history) {
    state = decider.evolve(state, { type: event.type, data: event.data } as never);
  }
  return state;
}

function metadataOf(command: Command, correlationId: string | undefined): EventMetadata {
  const { actor } = command;
  const metadata: EventMetadata = { command: command.type as Json };
  if (actor) {
    const role = actor.roles.join(",");
    metadata.actor = { userId: actor.userId, organisationId: actor.organisationId, role };
  }
  if (correlationId) metadata.correlationId = correlationId;
  return metadata;
}
