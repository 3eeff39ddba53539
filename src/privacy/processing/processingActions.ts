import type { RecordedEvent } from "../../store/types.js";
import { touchesOf } from "./actionTouches.js";
import { DEFAULT_PURPOSE_OF_USE } from "./activities.js";
import {
  ACTIVITY_ATTRIBUTE,
  COVENANT_ATTRIBUTE,
  type ProcessingRecord,
  SUBJECT_ATTRIBUTE,
  SUBJECT_ID_TYPE,
  SUBJECT_TYPE_ATTRIBUTE,
} from "./ldvRecord.js";
import type { EventAction, ProcessingContext } from "./processingContext.js";
import { recordIds } from "./traceIds.js";

export type { EventAction, ProcessingContext } from "./processingContext.js";

/** One processing action on one subject: the LDV record plus what accountability (NEN 7513, scope) needs. */
export interface ProcessingAction {
  record: ProcessingRecord;
  covenantId: string;
  caseId: string | null;
  /** Who acted; null for the service itself (the retention job). Never in the LDV record. */
  actor: { userId: string; organisationId: string; roles: string[] } | null;
  eventAction: EventAction;
  outcome: "success" | "refused";
  /** The activity the action served: the purpose of use. */
  purposeOfUse: string;
  /** NEN 7513 authorisation protocol: the legal bases and the rules that allowed (or refused) it. */
  authorisation: { legalBases: string[]; rules: string[] };
}

/**
 * The processing actions of one stored event: one per action and data subject touched. An
 * action whose covenant or subject cannot be named is no record (it cannot happen when the
 * context folded the store from its start); its time is the action's own, else the store's.
 */
export function processingActionsOf(
  event: RecordedEvent,
  context: ProcessingContext,
): ProcessingAction[] {
  return touchesOf(event, context).flatMap((touch) => {
    const { covenantId, subjectId } = touch;
    if (!covenantId || !subjectId) return [];
    const activity =
      context.activity(covenantId, touch.activityId) ??
      context.activity(covenantId, DEFAULT_PURPOSE_OF_USE);
    if (!activity) return [];
    const at = Number.isNaN(Date.parse(touch.at)) ? event.recordedAt : touch.at;
    const record: ProcessingRecord = {
      ...recordIds(event, `${touch.caseId ?? ""}\0${subjectId}`),
      name: touch.name,
      startTime: at,
      endTime: at,
      statusCode: "OK",
      attributes: {
        [ACTIVITY_ATTRIBUTE]: activity.uri,
        [SUBJECT_ATTRIBUTE]: subjectId,
        [SUBJECT_TYPE_ATTRIBUTE]: SUBJECT_ID_TYPE,
        [COVENANT_ATTRIBUTE]: covenantId,
        ...(touch.caseId ? { "casustafel.case_id": touch.caseId } : {}),
        ...(touch.outcome === "refused"
          ? { "casustafel.refused_rules": touch.rules.join(",") }
          : {}),
      },
    };
    return [
      {
        record,
        covenantId,
        caseId: touch.caseId,
        actor: touch.actor,
        eventAction: touch.eventAction,
        outcome: touch.outcome ?? "success",
        purposeOfUse: touch.activityId,
        authorisation: { legalBases: touch.legalBases ?? activity.legalBases, rules: touch.rules },
      },
    ];
  });
}
