import {
  caseDecider,
  caseStreamId,
  covenantDecider,
  covenantStreamId,
  membershipOf,
} from "../../domain/index.js";
import type { FieldCodec } from "../../privacy/codec/fieldCodec.js";
import { caseVisibility, type ShownItem } from "../../privacy/policy/caseVisibility.js";
import type { EventStore } from "../../store/eventStore.js";
import type { RecordedEvent } from "../../store/types.js";

export interface VisibilityAt {
  caseId: string;
  organisationId: string;
  /** The moment asked about (ISO-8601). */
  at: string;
  access: "none" | "invitation" | "case";
  /** Item ids and categories only: never content. */
  items: ShownItem[];
}

const PAGE = 1000;

/**
 * "What could this organisation see in this case at that moment?" (rule 5): replays the
 * case's and its covenant's events stored up to `at` and asks the policy, as of `at`, for a
 * professional of that organisation. The answer names items and categories only; content
 * that the codec decrypts to fold the case never leaves this function.
 * Who may ask (the organisation's or the covenant's privacy officer) is the caller's check.
 */
export async function visibilityAt(
  store: EventStore,
  caseId: string,
  organisationId: string,
  at: string,
  /** Decodes before folding: encrypted list fields (a meeting's decisions) cannot be folded as lists. */
  codec?: FieldCodec,
): Promise<VisibilityAt> {
  const state = await foldedUpTo(store, caseStreamId(caseId), at, caseDecider, codec);
  const covenant =
    state.covenantId === null
      ? covenantDecider.initialState
      : await foldedUpTo(store, covenantStreamId(state.covenantId), at, covenantDecider);
  const viewer = { userId: "visibility-at", organisationId, roles: ["professional" as const] };
  const seen = caseVisibility(state, viewer, at, membershipOf(covenant, organisationId));
  return {
    caseId,
    organisationId,
    at,
    access: seen.kind,
    items: seen.kind === "none" ? [] : seen.items,
  };
}

/** The stream's state folded from the events recorded up to `at`. */
async function foldedUpTo<S>(
  store: EventStore,
  streamId: string,
  at: string,
  decider: { initialState: S; evolve: (state: S, event: never) => S },
  codec?: FieldCodec,
): Promise<S> {
  const events = await recordedUpTo(store, streamId, at, codec);
  return events.reduce(
    (state, event) => decider.evolve(state, event as never) ?? state,
    decider.initialState,
  );
}

/** A stream's events recorded up to `at`, in order, decoded when a codec is given. */
export async function recordedUpTo(
  store: EventStore,
  streamId: string,
  at: string,
  codec?: FieldCodec,
): Promise<RecordedEvent[]> {
  const moment = Date.parse(at);
  const known: RecordedEvent[] = [];
  let read = 0;
  for (;;) {
    const page = await store.readStream(streamId, { from: read, limit: PAGE });
    read += page.length;
    const upTo = page.filter((event) => Date.parse(event.recordedAt) <= moment);
    known.push(...(await decoded(upTo, codec)));
    if (page.length < PAGE || upTo.length < page.length) return known;
  }
}

async function decoded(events: RecordedEvent[], codec: FieldCodec | undefined) {
  if (!codec) return events;
  const keys = await codec.keysFor(events);
  return events.map((event) => ({
    ...event,
    data: codec.decodeWith(keys, event.streamId, event.type, event.data),
  }));
}
