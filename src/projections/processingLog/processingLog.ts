import type { Actor } from "../../domain/index.js";
import type { AuditedCovenant } from "../../privacy/policy/audit.js";
import { ProcessingLedger } from "../../privacy/processing/ledger.js";
import {
  type ProcessingAction,
  processingActionsOf,
} from "../../privacy/processing/processingActions.js";
import {
  ACTIVITY_ATTRIBUTE,
  COVENANT_ATTRIBUTE,
  type ProcessingRecord,
  SUBJECT_ATTRIBUTE,
  SUBJECT_TYPE_ATTRIBUTE,
} from "../../privacy/processing/processingRecord.js";
import type { ProcessingRegister } from "../../privacy/processing/register.js";
import type { ReadModel } from "../readModel.js";
import type { ModelTables } from "../shelved/modelTables.js";
import { officerScopeConditions } from "../shelved/officerScope.js";
import {
  type Condition,
  epochOf,
  FIRST_PAGE,
  type Page,
  type PageRequest,
  pageOf,
  pageQuery,
  periodConditions,
} from "../shelved/paging.js";
import { type RowFold, type ShelfSpec, ShelvedModel } from "../shelved/shelvedModel.js";

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
   * Rule 5: a page of the processing actions in the viewer's scope that match, oldest first.
   * The covenant's privacy officer sees the covenant's; a member's officer its own
   * organisation's. Throws NotPermitted for anyone else.
   */
  actions(
    viewer: Actor,
    covenant: AuditedCovenant,
    query: ProcessingQuery,
    page?: PageRequest,
  ): Promise<Page<ProcessingAction>>;
}

/** The fold's context: the register, each case's covenant and each merge's subjects. */
type LedgerFold = RowFold & { ledger: ProcessingLedger };

const COLUMNS = [
  "covenant_id",
  "organisation_id",
  "trace_id",
  "activity",
  "subject_id",
  "start_ms",
  "action",
] as const;

/**
 * One row per processing action. Ids, codes and times only (LDV: no user, no plaintext
 * identity in the record; the actor's ids are the NEN 7513 user fields), so nothing is sealed
 * and erasure leaves it as it is. The ledger the actions are mapped against stays in memory:
 * a register of a few activity versions per covenant and each case's covenant, folded from START.
 */
export function processingLogSpec(baseUrl: string): ShelfSpec<LedgerFold> {
  return {
    name: "processingLog",
    // 2: a row's action keeps only what its columns do not (about 30% fewer bytes).
    version: 2,
    stem: "processing_log",
    columns: COLUMNS,
    table: (table, { text, int, tableSuffix }) =>
      `CREATE TABLE IF NOT EXISTS ${table} (
         position ${int} NOT NULL, n ${int} NOT NULL, covenant_id ${text} NOT NULL,
         organisation_id ${text}, trace_id ${text} NOT NULL, activity ${text} NOT NULL,
         subject_id ${text}, start_ms ${int}, action ${text} NOT NULL,
         PRIMARY KEY (position, n))${tableSuffix}`,
    indexes: (table) => [
      `CREATE INDEX IF NOT EXISTS ${table}_covenant ON ${table} (covenant_id, position, n)`,
      `CREATE INDEX IF NOT EXISTS ${table}_trace ON ${table} (covenant_id, trace_id, position, n)`,
      `CREATE INDEX IF NOT EXISTS ${table}_activity ON ${table} (covenant_id, activity, position, n)`,
      `CREATE INDEX IF NOT EXISTS ${table}_subject ON ${table} (covenant_id, subject_id, position, n)`,
    ],
    fold: () => {
      const ledger = new ProcessingLedger(baseUrl);
      return {
        ledger,
        observe: (event) => ledger.observe(event),
        rowsOf: (event) =>
          processingActionsOf(event, ledger).map((action) => [
            action.covenantId,
            action.actor?.organisationId ?? null,
            action.record.traceId,
            action.record.attributes[ACTIVITY_ATTRIBUTE] ?? "",
            action.record.attributes[SUBJECT_ATTRIBUTE] ?? null,
            epochOf(action.record.startTime),
            JSON.stringify(keptOf(action)),
          ]),
      };
    },
  };
}

/** The query's conditions, as `matches` applied them in memory. */
function queryConditions(query: ProcessingQuery): Condition[] {
  const conditions: Condition[] = [];
  if (query.traceId !== undefined) conditions.push(["trace_id = ?", [query.traceId]]);
  const wanted = query.processingActivityId;
  if (wanted !== undefined) {
    // activity = wanted, or starts with wanted/versions/ (a byte range: '0' follows '/').
    const range = [`${wanted}/versions/`, `${wanted}/versions0`];
    conditions.push(["(activity = ? OR (activity >= ? AND activity < ?))", [wanted, ...range]]);
  }
  if (query.dataSubjectId !== undefined) {
    conditions.push(["subject_id = ?", [query.dataSubjectId]]);
  }
  return [...conditions, ...periodConditions("start_ms", query.from, query.to)];
}

/** What a row's `action` keeps: the action less the ids its columns hold (trace, activity, subject, covenant). */
type Kept = Omit<ProcessingAction, "record" | "covenantId"> & {
  record: Omit<ProcessingRecord, "traceId">;
};

function keptOf({ record, covenantId: _covenant, ...action }: ProcessingAction): Kept {
  const { traceId: _trace, attributes, ...ids } = record;
  const {
    [ACTIVITY_ATTRIBUTE]: _activity,
    [SUBJECT_ATTRIBUTE]: _subject,
    [COVENANT_ATTRIBUTE]: _covenantAttribute,
    ...more
  } = attributes;
  return { record: { ...ids, attributes: more }, ...action };
}

type Row = {
  position: number | string;
  n: number;
  covenant_id: string;
  trace_id: string;
  activity: string;
  subject_id: string | null;
  action: string;
};

/** The columns an action is made whole from. */
const ACTION_COLUMNS = ["covenant_id", "trace_id", "activity", "subject_id", "action"];

/** A row's action, whole again: the kept JSON and the columns, in the action's own field order. */
function actionOfRow(row: Row): ProcessingAction {
  const { record, ...action } = JSON.parse(row.action) as Kept;
  const { attributes, ...ids } = record;
  const { [SUBJECT_TYPE_ATTRIBUTE]: subjectType, ...more } = attributes;
  return {
    record: {
      traceId: row.trace_id,
      ...ids,
      attributes: {
        [ACTIVITY_ATTRIBUTE]: row.activity,
        ...(row.subject_id === null ? {} : { [SUBJECT_ATTRIBUTE]: row.subject_id }),
        ...(subjectType === undefined ? {} : { [SUBJECT_TYPE_ATTRIBUTE]: subjectType }),
        [COVENANT_ATTRIBUTE]: row.covenant_id,
        ...more,
      },
    },
    covenantId: row.covenant_id,
    ...action,
  };
}

/**
 * Every processing action on record (Logboek Dataverwerkingen, NEN 7513): reads, shares, share
 * refusals, erasures, retention erasures and merges, each with the activity version in force
 * when the store recorded it; shelved beside the events.
 */
export async function openProcessingLog(
  tables: ModelTables,
  baseUrl: string,
): Promise<ProcessingLog> {
  const shelf = await ShelvedModel.open(tables, processingLogSpec(baseUrl));
  return {
    name: shelf.name,
    shelved: shelf,
    get register() {
      return shelf.fold.ledger.register;
    },
    apply: (event) => shelf.apply(event),
    reset: () => shelf.reset(),
    async actions(viewer, covenant, query, page = FIRST_PAGE) {
      const conditions = officerScopeConditions(viewer, covenant);
      conditions.push(...queryConditions(query));
      const rows = await shelf.query<Row>((table) =>
        pageQuery(table, ACTION_COLUMNS, conditions, page),
      );
      return pageOf(rows, page.limit, actionOfRow);
    },
  };
}
