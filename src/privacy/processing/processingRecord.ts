import type { RecordedEvent } from "../../store/types.js";
import type { ProcessingRecord } from "./ldvRecord.js";
import { type ProcessingContext, processingActionsOf } from "./processingActions.js";

export {
  ACTIVITY_ATTRIBUTE,
  COVENANT_ATTRIBUTE,
  type ProcessingRecord,
  SUBJECT_ATTRIBUTE,
  SUBJECT_ID_TYPE,
  SUBJECT_TYPE_ATTRIBUTE,
} from "./ldvRecord.js";

/**
 * The processing records of one stored event: one per action and data subject touched, each
 * naming the activity version in force; empty for an event that is no processing action.
 * The context is the fold of the store up to this event (see ProcessingLedger).
 */
export function processingRecordsOf(
  event: RecordedEvent,
  context: ProcessingContext,
): ProcessingRecord[] {
  return processingActionsOf(event, context).map((action) => action.record);
}
