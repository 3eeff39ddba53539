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
import { recordedUpTo, type VisibilityAt } from "./visibilityAt.js";

/** One moment at which what the organisation could see changed, and what did. */
export interface VisibilityChange {
  at: string;
  /** The case event that changed it; null when time alone did (a share or consent expired). */
  eventType: string | null;
  access: VisibilityAt["access"];
  gained: ShownItem[];
  lost: ShownItem[];
}

type Seen = Pick<VisibilityAt, "access" | "items">;

/**
 * Rule 5 as a timeline: the case replayed event by event up to `at`, the policy asked after
 * each, and only the events after which the organisation's view differed are kept. A last
 * entry without an event says that time alone changed it by `at`. Ids and categories only.
 */
export async function visibilityTimeline(
  store: EventStore,
  caseId: string,
  organisationId: string,
  at: string,
  codec?: FieldCodec,
): Promise<VisibilityChange[]> {
  const caseEvents = await recordedUpTo(store, caseStreamId(caseId), at, codec);
  const viewer = { userId: "visibility-at", organisationId, roles: ["professional" as const] };
  let state = caseDecider.initialState;
  let covenant = covenantDecider.initialState;
  let covenantEvents: RecordedEvent[] | null = null;
  let applied = 0;
  const seenAt = (moment: string): Seen => {
    while (covenantEvents && applied < covenantEvents.length) {
      const next = covenantEvents[applied]!;
      if (Date.parse(next.recordedAt) > Date.parse(moment)) break;
      covenant = covenantDecider.evolve(covenant, next as never) ?? covenant;
      applied++;
    }
    const seen = caseVisibility(state, viewer, moment, membershipOf(covenant, organisationId));
    return { access: seen.kind, items: seen.kind === "none" ? [] : seen.items };
  };

  const changes: VisibilityChange[] = [];
  let previous: Seen = { access: "none", items: [] };
  const note = (moment: string, eventType: string | null) => {
    const now = seenAt(moment);
    const change = changeBetween(previous, now);
    if (change) changes.push({ at: moment, eventType, access: now.access, ...change });
    previous = now;
  };
  for (const event of caseEvents) {
    state = caseDecider.evolve(state, event as never) ?? state;
    if (covenantEvents === null && state.covenantId !== null) {
      covenantEvents = await recordedUpTo(store, covenantStreamId(state.covenantId), at);
    }
    note(event.recordedAt, event.type);
  }
  note(at, null);
  return changes;
}

function changeBetween(
  before: Seen,
  after: Seen,
): Pick<VisibilityChange, "gained" | "lost"> | null {
  const had = new Set(before.items.map((item) => item.id));
  const has = new Set(after.items.map((item) => item.id));
  const gained = after.items.filter((item) => !had.has(item.id));
  const lost = before.items.filter((item) => !has.has(item.id));
  const same = before.access === after.access && gained.length === 0 && lost.length === 0;
  return same ? null : { gained, lost };
}
