import type { AgendaItemEvent, Attendee } from "./itemEvents.js";

export type CorrectionStatus = "proposed" | "accepted" | "rejected" | "folded";
export type MinutesCorrection = {
  correctionId: string;
  proposedBy: string;
  minutes: string;
  proposedAt: string;
  status: CorrectionStatus;
};
export type MinutesAddendum = {
  addendumId: string;
  addedBy: string;
  text: string;
  addedAt: string;
};

/** An agenda item of a session as its case recorded it; shaped like a meeting for rule 4. */
export type RecordedItem = {
  sessionId: string;
  itemId: string;
  heldAt: string;
  attendees: Attendee[];
  minutes: string;
  decisions: string[];
  minutesStatus: "draft" | "approved";
  approvedAt: string | null;
  corrections: Record<string, MinutesCorrection>;
  addenda: MinutesAddendum[];
  /** CaseState.joins when the item was recorded. */
  joinsBefore: number;
};

type Items = Record<string, RecordedItem>;

const updated = (
  items: Items,
  itemId: string,
  change: (item: RecordedItem) => Partial<RecordedItem>,
) => {
  const item = Object.hasOwn(items, itemId) ? items[itemId] : undefined;
  return item ? { ...items, [itemId]: { ...item, ...change(item) } } : items;
};

const withCorrection = (item: RecordedItem, correctionId: string, status: CorrectionStatus) => {
  const correction = Object.hasOwn(item.corrections, correctionId)
    ? item.corrections[correctionId]
    : undefined;
  return correction
    ? { ...item.corrections, [correctionId]: { ...correction, status } }
    : item.corrections;
};

/** Folds one agenda item event into the case's recorded items; `joins` is CaseState.joins now. */
export function evolveItems(items: Items, joins: number, event: AgendaItemEvent): Items {
  switch (event.type) {
    case "AgendaItemRecorded": {
      const { caseId: _c, subjectId: _s, recordedAt: _r, ...recorded } = event.data;
      const item = {
        ...recorded,
        minutesStatus: "draft" as const,
        approvedAt: null,
        corrections: {},
        addenda: [],
        joinsBefore: joins,
      };
      return { ...items, [recorded.itemId]: item };
    }
    case "MinutesCorrectionProposed": {
      const { caseId: _c, subjectId: _s, itemId, ...proposed } = event.data;
      return updated(items, itemId, (item) => ({
        corrections: {
          ...item.corrections,
          [proposed.correctionId]: { ...proposed, status: "proposed" },
        },
      }));
    }
    case "MinutesCorrectionResolved": {
      const { itemId, correctionId, accepted } = event.data;
      return updated(items, itemId, (item) => {
        const corrections = withCorrection(item, correctionId, accepted ? "accepted" : "rejected");
        const taken = accepted && Object.hasOwn(item.corrections, correctionId);
        return {
          corrections,
          minutes: taken ? item.corrections[correctionId]!.minutes : item.minutes,
        };
      });
    }
    case "MinutesApproved": {
      const { itemId, minutes, decisions, approvedAt } = event.data;
      return updated(items, itemId, (item) => {
        let corrections = item.corrections;
        for (const c of Object.values(item.corrections)) {
          if (c.status === "proposed")
            corrections = { ...corrections, [c.correctionId]: { ...c, status: "folded" } };
        }
        return { minutes, decisions, approvedAt, minutesStatus: "approved", corrections };
      });
    }
    case "MinutesAddendumAdded": {
      const { itemId, addendumId, addedBy, text, addedAt } = event.data;
      return updated(items, itemId, (item) => ({
        addenda: [...item.addenda, { addendumId, addedBy, text, addedAt }],
      }));
    }
  }
}
