import {
  type Actor,
  type AgendaItem,
  type CaseState,
  entryOf,
  type Membership,
  type MinutesAddendum,
  type MinutesCorrection,
  type SessionState,
} from "../../domain/index.js";
import { hasCase, listOf, readsMinutes, visibleMeeting } from "./caseParts.js";

/** What the policy needs to know about the cases and covenants around a session. */
export interface SessionSurroundings {
  stateOf(caseId: string): CaseState | undefined;
  membershipOf(covenantId: string, organisationId: string): Membership;
}

/** A session as its store holds it: its own stream, or a case's meeting from before sessions. */
export type KnownSession = { state: SessionState; legacy: boolean };

export type MinutesView = {
  status: "draft" | "approved";
  minutes: string;
  decisions: string[];
  approvedAt: string | null;
  corrections: MinutesCorrection[];
  addenda: MinutesAddendum[];
};

export type AgendaItemView = {
  itemId: string;
  caseId: string;
  question: string;
  /** When the item was discussed and who attended it; null until it is recorded. */
  heldAt: string | null;
  attendees: { organisationId: string; confidentialityAcknowledged: boolean }[];
  /** Rule 4 per item: null for an organisation that did not attend it (or no longer holds on). */
  minutes: MinutesView | null;
};

export type SessionView = Omit<SessionState, "agenda"> & {
  legacy: boolean;
  agenda: AgendaItemView[];
};

/** The view, and per case the items it shows (for the recorded read, rule 8). */
export type SessionVisibility =
  | { kind: "none" }
  | { kind: "session"; view: SessionView; seen: Map<string, string[]> };

const attendeesOf = (
  attendees: readonly { organisationId: string; confidentialityAcknowledged: boolean }[],
) =>
  attendees.map(({ organisationId, confidentialityAcknowledged }) => ({
    organisationId,
    confidentialityAcknowledged,
  }));

function itemView(
  item: AgendaItem,
  state: CaseState,
  organisationId: string,
  membership: NonNullable<Membership>,
  legacy: boolean,
): AgendaItemView {
  const shown = { itemId: item.itemId, caseId: item.caseId, question: item.question };
  if (legacy) {
    const meeting = entryOf(state.meetings, item.itemId);
    if (!meeting) return { ...shown, heldAt: null, attendees: [], minutes: null };
    const view = visibleMeeting(state, meeting, organisationId, membership);
    const minutes: MinutesView | null =
      view.minutes === null
        ? null
        : {
            status: "approved",
            minutes: view.minutes,
            decisions: view.decisions ?? [],
            approvedAt: view.heldAt,
            corrections: [],
            addenda: [],
          };
    return { ...shown, heldAt: view.heldAt, attendees: attendeesOf(view.attendees), minutes };
  }
  const recorded = entryOf(state.agendaItems, item.itemId);
  if (!recorded) return { ...shown, heldAt: null, attendees: [], minutes: null };
  const reads = readsMinutes(state, recorded, organisationId, membership);
  const minutes: MinutesView | null = reads
    ? {
        status: recorded.minutesStatus,
        minutes: recorded.minutes,
        decisions: listOf(recorded.decisions),
        approvedAt: recorded.approvedAt,
        corrections: Object.values(recorded.corrections),
        addenda: [...recorded.addenda],
      }
    : null;
  return { ...shown, heldAt: recorded.heldAt, attendees: attendeesOf(recorded.attendees), minutes };
}

const WORKS_ON_CASES = ["professional", "chair"] as const;

/** Does the organisation appear in the session: its chair, planned, or an attendee of an item? */
function takesPart(known: KnownSession, organisationId: string, surroundings: SessionSurroundings) {
  const { state } = known;
  if (state.chairOrganisationId === organisationId) return true;
  if (state.plannedOrganisationIds.includes(organisationId)) return true;
  return state.agenda.some((item) => {
    const held = entryOf(surroundings.stateOf(item.caseId)?.agendaItems ?? {}, item.itemId);
    return held?.attendees.some((a) => a.organisationId === organisationId) ?? false;
  });
}

/**
 * Rule 1 for sessions: a session exists for its chair organisation, its planned organisations
 * and the attendees of its items, while they are members of its covenant; a meeting from
 * before sessions, for whoever has its case. Each sees the header and only the agenda items of
 * cases it has (rule 1 per case); minutes per item by rule 4.
 */
export function sessionVisibility(
  known: KnownSession,
  viewer: Actor,
  surroundings: SessionSurroundings,
): SessionVisibility {
  const { state, legacy } = known;
  const organisationId = viewer.organisationId;
  if (state.status === "none" || state.covenantId === null) return { kind: "none" };
  if (!viewer.roles.some((role) => (WORKS_ON_CASES as readonly string[]).includes(role))) {
    return { kind: "none" };
  }
  const membership = surroundings.membershipOf(state.covenantId, organisationId);
  if (membership === null) return { kind: "none" };
  if (!legacy && !takesPart(known, organisationId, surroundings)) return { kind: "none" };
  const agenda: AgendaItemView[] = [];
  const seen = new Map<string, string[]>();
  for (const item of state.agenda) {
    const caseState = surroundings.stateOf(item.caseId);
    if (caseState === undefined || !hasCase(caseState, organisationId)) continue;
    const shown = itemView(item, caseState, organisationId, membership, legacy);
    agenda.push(shown);
    const ids = [`session-item:${item.itemId}`];
    if (shown.minutes !== null) ids.push(`minutes:${item.itemId}`);
    seen.set(item.caseId, [...(seen.get(item.caseId) ?? []), ...ids]);
  }
  if (legacy && agenda.length === 0) return { kind: "none" };
  const { agenda: _all, ...header } = state;
  return { kind: "session", view: { ...header, legacy, agenda }, seen };
}
