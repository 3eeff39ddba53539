import { type Actor, NotPermitted } from "../../domain/index.js";
import {
  type AuditedCovenant,
  type AuditScope,
  privacyOfficerScope,
  withinPeriod,
} from "../../privacy/policy/audit.js";
import { ProcessingLedger } from "../../privacy/processing/ledger.js";
import {
  type ProcessingAction,
  processingActionsOf,
} from "../../privacy/processing/processingActions.js";
import {
  ACTIVITY_ATTRIBUTE,
  SUBJECT_ATTRIBUTE,
} from "../../privacy/processing/processingRecord.js";
import type { ProcessingRegister } from "../../privacy/processing/register.js";
import type { ReadModel } from "../readModel.js";

/** The LDV read extension's query: by trace, by activity (version URI or its activity URI), by subject; within a period. */
export interface ProcessingQuery {
  traceId?: string;
  processingActivityId?: string;
  dataSubjectId?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

export interface ProcessingLog extends ReadModel {
  /** The register as folded so far: every version of every activity, for the register's own routes. */
  readonly register: ProcessingRegister;
  /**
   * Rule 5: the processing actions in the viewer's scope that match, oldest first. The
   * covenant's privacy officer sees the covenant's; a member's officer its own organisation's.
   * Throws NotPermitted for anyone else.
   */
  actions(viewer: Actor, covenant: AuditedCovenant, query: ProcessingQuery): ProcessingAction[];
}

function inScope(scope: AuditScope, action: ProcessingAction): boolean {
  if (action.covenantId !== scope.covenantId) return false;
  return scope.kind === "covenant" || action.actor?.organisationId === scope.organisationId;
}

function matches(action: ProcessingAction, query: ProcessingQuery): boolean {
  const { record } = action;
  if (query.traceId !== undefined && record.traceId !== query.traceId) return false;
  const activity = record.attributes[ACTIVITY_ATTRIBUTE] ?? "";
  const wanted = query.processingActivityId;
  if (wanted !== undefined && activity !== wanted && !activity.startsWith(`${wanted}/versions/`)) {
    return false;
  }
  if (
    query.dataSubjectId !== undefined &&
    record.attributes[SUBJECT_ATTRIBUTE] !== query.dataSubjectId
  ) {
    return false;
  }
  return withinPeriod(record.startTime, query);
}

/**
 * Every processing action on record (Logboek Dataverwerkingen, NEN 7513): reads, shares, share
 * refusals, erasures, retention erasures and merges, each with the activity version in force
 * when the store recorded it. Ids, codes and times only, so erasure leaves it as it is.
 */
export function createProcessingLog(baseUrl: string): ProcessingLog {
  const ledger = new ProcessingLedger(baseUrl);
  const actions: ProcessingAction[] = [];
  return {
    name: "processingLog",
    register: ledger.register,
    apply(event) {
      ledger.observe(event);
      for (const action of processingActionsOf(event, ledger)) actions.push(action);
    },
    reset() {
      ledger.reset();
      actions.length = 0;
    },
    actions(viewer, covenant, query) {
      const scope = privacyOfficerScope(viewer, covenant);
      if (scope === null) throw new NotPermitted("privacy-officer", viewer.organisationId);
      return actions.filter((action) => inScope(scope, action) && matches(action, query));
    },
  };
}
