import type { CaseState, SessionStatus } from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import type { NamedOrganisation } from "./namedOrganisation.js";

/** A case's place on a session's agenda, as the session's stream holds it. */
export interface ListedItem {
  sessionId: string;
  itemId: string;
  /** When the session starts (after any rescheduling). */
  sessionDate: string | null;
  sessionStatus: SessionStatus;
  question: string;
  addedAt: string;
  removedAt: string | null;
}

/** What the report tells about one agenda item of the case: the question, who attended, the minutes and what became of them. */
export type AgendaItemSection = ListedItem & {
  heldAt: string | null;
  attendedBy: NamedOrganisation[];
  minutes: string | null;
  minutesStatus: "draft" | "approved" | null;
  approvedAt: string | null;
  decisions: string[];
  corrections: {
    correctionId: string;
    proposedBy: NamedOrganisation;
    minutes: string;
    proposedAt: string;
    status: string;
    resolvedAt: string | null;
  }[];
  addenda: { addendumId: string; addedBy: NamedOrganisation; text: string; addedAt: string }[];
};

// An erased array field (decisions) decodes as the single string "[erased]".
const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value)];

/** Each listed item with what the case recorded of it; times of resolution come from the history. */
export function presentAgendaItems(
  listed: readonly ListedItem[],
  history: readonly RecordedEvent[],
  state: CaseState,
  named: (organisationId: string) => NamedOrganisation,
): AgendaItemSection[] {
  const resolvedAt = new Map(
    history
      .filter((event) => event.type === "MinutesCorrectionResolved")
      .map((event) => [
        `${event.data.itemId}/${event.data.correctionId}`,
        String(event.data.resolvedAt),
      ]),
  );
  return listed.map((item) => {
    const recorded = Object.hasOwn(state.agendaItems, item.itemId)
      ? state.agendaItems[item.itemId]
      : undefined;
    return {
      ...item,
      heldAt: recorded?.heldAt ?? null,
      // Attendance is per person; the report names organisations, each once.
      attendedBy: [...new Set(recorded?.attendees.map((a) => a.organisationId))].map(named),
      minutes: recorded ? String(recorded.minutes) : null,
      minutesStatus: recorded?.minutesStatus ?? null,
      approvedAt: recorded?.approvedAt ?? null,
      decisions: recorded ? asList(recorded.decisions) : [],
      corrections: Object.values(recorded?.corrections ?? {}).map((correction) => ({
        correctionId: correction.correctionId,
        proposedBy: named(correction.proposedBy),
        minutes: String(correction.minutes),
        proposedAt: correction.proposedAt,
        status: correction.status,
        resolvedAt: resolvedAt.get(`${item.itemId}/${correction.correctionId}`) ?? null,
      })),
      addenda: (recorded?.addenda ?? []).map((addendum) => ({
        addendumId: addendum.addendumId,
        addedBy: named(addendum.addedBy),
        text: String(addendum.text),
        addedAt: addendum.addedAt,
      })),
    };
  });
}
