import type { SessionEvent } from "./events.js";

export type SessionStatus = "none" | "planned" | "rescheduled" | "cancelled" | "held";

/** One case on the agenda, with the question the table is asked about its young person. */
export type AgendaItem = { itemId: string; caseId: string; subjectId: string; question: string };

export type SessionState = {
  status: SessionStatus;
  sessionId: string | null;
  covenantId: string | null;
  chairOrganisationId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  videoLink: string | null;
  plannedOrganisationIds: string[];
  /** In the order the table discusses them. */
  agenda: AgendaItem[];
  /** Why it was last rescheduled, or cancelled; null when it never was. */
  rescheduleReason: string | null;
  cancelReason: string | null;
  heldAt: string | null;
};

export const initialSessionState: SessionState = {
  status: "none",
  sessionId: null,
  covenantId: null,
  chairOrganisationId: null,
  startsAt: null,
  endsAt: null,
  location: null,
  videoLink: null,
  plannedOrganisationIds: [],
  agenda: [],
  rescheduleReason: null,
  cancelReason: null,
  heldAt: null,
};

const byId = (agenda: readonly AgendaItem[]) => new Map(agenda.map((item) => [item.itemId, item]));

// Recorded events are facts: evolve never throws, it ignores references it cannot resolve.
export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case "SessionPlanned": {
      const { plannedAt: _at, ...planned } = event.data;
      return { ...state, ...planned, status: "planned" };
    }
    case "SessionRescheduled": {
      const { startsAt, endsAt, reason } = event.data;
      return { ...state, status: "rescheduled", startsAt, endsAt, rescheduleReason: reason };
    }
    case "SessionCancelled":
      return { ...state, status: "cancelled", cancelReason: event.data.reason };
    case "AgendaItemAdded": {
      const { itemId, caseId, subjectId, question } = event.data;
      return { ...state, agenda: [...state.agenda, { itemId, caseId, subjectId, question }] };
    }
    case "AgendaItemRemoved":
      return { ...state, agenda: state.agenda.filter((item) => item.itemId !== event.data.itemId) };
    case "AgendaReordered": {
      const items = byId(state.agenda);
      const ordered = event.data.itemIds.flatMap((id) => items.get(id) ?? []);
      const rest = state.agenda.filter((item) => !event.data.itemIds.includes(item.itemId));
      return { ...state, agenda: [...ordered, ...rest] };
    }
    case "SessionHeld":
      return { ...state, status: "held", heldAt: event.data.heldAt };
  }
}
