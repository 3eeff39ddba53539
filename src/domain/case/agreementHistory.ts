import { entryOf } from "../entries.js";
import type {
  AgreementCancelled,
  AgreementCompleted,
  AgreementDueDateChanged,
  AgreementMade,
  AgreementProgressNoted,
} from "./events.js";
import type { Agreement } from "./state.js";

type AgreementEvent =
  | AgreementMade
  | AgreementDueDateChanged
  | AgreementProgressNoted
  | AgreementCompleted
  | AgreementCancelled;

/**
 * Folds an agreement's events. Events recorded before issue 12 lack the named owner and the
 * completion's note and author: they read as null (upcast on read; stored events stay as they are).
 */
export function evolveAgreements(
  agreements: Record<string, Agreement>,
  event: AgreementEvent,
): Record<string, Agreement> {
  if (event.type === "AgreementMade") {
    const { caseId: _c, subjectId: _s, owner, ...made } = event.data;
    const agreement: Agreement = {
      ...made,
      owner: owner ?? null,
      status: "open",
      dueDateChanges: [],
      progress: [],
      completedAt: null,
      completedBy: null,
      completionNote: null,
      cancelledAt: null,
      cancelReason: null,
    };
    return { ...agreements, [made.agreementId]: agreement };
  }
  const agreement = entryOf(agreements, event.data.agreementId);
  if (agreement === undefined) return agreements;
  return {
    ...agreements,
    [agreement.agreementId]: { ...agreement, ...changeOf(agreement, event) },
  };
}

function changeOf(agreement: Agreement, event: Exclude<AgreementEvent, AgreementMade>) {
  switch (event.type) {
    case "AgreementDueDateChanged": {
      const { caseId: _c, subjectId: _s, agreementId: _a, ...change } = event.data;
      return { dueDate: change.dueDate, dueDateChanges: [...agreement.dueDateChanges, change] };
    }
    case "AgreementProgressNoted": {
      const { caseId: _c, subjectId: _s, agreementId: _a, ...note } = event.data;
      return { progress: [...agreement.progress, note] };
    }
    case "AgreementCompleted":
      return {
        status: "completed" as const,
        completedAt: event.data.completedAt,
        completedBy: event.data.completedBy ?? null,
        completionNote: event.data.note ?? null,
      };
    case "AgreementCancelled":
      return {
        status: "cancelled" as const,
        cancelledAt: event.data.cancelledAt,
        cancelReason: event.data.reason,
      };
  }
}
