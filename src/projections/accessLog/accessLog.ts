import type { Actor } from "../../domain/index.js";
import {
  type AccessRecord,
  accessRecordsFrom,
  WORKLIST_PURPOSE,
} from "../../privacy/accessRecords.js";
import type { AuditedCovenant, AuditFilter } from "../../privacy/policy/audit.js";
import type { ReadModel } from "../readModel.js";
import type { ModelTables } from "../shelved/modelTables.js";
import { officerScopeConditions } from "../shelved/officerScope.js";
import {
  epochOf,
  FIRST_PAGE,
  type Page,
  type PageRequest,
  pageOf,
  pageQuery,
  periodConditions,
} from "../shelved/paging.js";
import { type ShelfSpec, ShelvedModel } from "../shelved/shelvedModel.js";

export interface AccessLog extends ReadModel {
  /**
   * Rule 5: a page of the read records in the viewer's scope, oldest first. `organisationId`
   * filters on the reading organisation. Throws NotPermitted for anyone but a privacy officer
   * of the covenant.
   */
  reads(
    viewer: Actor,
    covenant: AuditedCovenant,
    filter?: AuditFilter,
    page?: PageRequest,
  ): Promise<Page<AccessRecord>>;
  /**
   * Reads of the subject's cases in the covenant, oldest first, for its art. 15 report. Not
   * scoped: the report asks only after the policy let its viewer produce it (rule 6).
   */
  readsOfSubject(subjectId: string, covenantId: string): Promise<SubjectRead[]>;
  /** When the organisation's worklist last showed it something (its latest worklist read record); asked for the caller's own organisation only. */
  lastLookedAt(organisationId: string): Promise<string | null>;
}

/** A read of the subject's case as the subject may learn of it (C-579/21): when, by which organisation, why. */
export type SubjectRead = Pick<AccessRecord, "readAt" | "organisationId" | "purpose" | "caseId">;

const COLUMNS = [
  "covenant_id",
  "case_id",
  "organisation_id",
  "read_ms",
  "subject_id",
  "purpose",
  "record",
] as const;

/**
 * The access log's table: one row per case a read showed. Ids, purpose codes and times only
 * (the read record holds no content and no plaintext identity), so nothing in it is sealed and
 * erasure leaves it as it is. Indexed for each scope and filter the officer's route asks by,
 * for a subject's reads (the art. 15 report) and for an organisation's last worklist look, so
 * no model in memory needs to fold the read records.
 */
export const ACCESS_LOG: ShelfSpec = {
  name: "accessLog",
  // 3: a row's record keeps only what its columns do not (about 40% fewer bytes).
  version: 3,
  stem: "access_log",
  columns: COLUMNS,
  table: (table, { text, int, tableSuffix }) =>
    `CREATE TABLE IF NOT EXISTS ${table} (
       position ${int} NOT NULL, n ${int} NOT NULL, covenant_id ${text} NOT NULL,
       case_id ${text} NOT NULL, organisation_id ${text} NOT NULL, read_ms ${int},
       subject_id ${text} NOT NULL, purpose ${text} NOT NULL,
       record ${text} NOT NULL, PRIMARY KEY (position, n))${tableSuffix}`,
  indexes: (table) => [
    `CREATE INDEX IF NOT EXISTS ${table}_covenant ON ${table} (covenant_id, position, n)`,
    `CREATE INDEX IF NOT EXISTS ${table}_organisation ON ${table} (covenant_id, organisation_id, position, n)`,
    `CREATE INDEX IF NOT EXISTS ${table}_case ON ${table} (covenant_id, case_id, position, n)`,
    `CREATE INDEX IF NOT EXISTS ${table}_subject ON ${table} (subject_id, covenant_id, position, n)`,
    `CREATE INDEX IF NOT EXISTS ${table}_looked ON ${table} (organisation_id, purpose, read_ms)`,
  ],
  fold: () => ({
    rowsOf: (event) =>
      accessRecordsFrom(event).map((record) => [
        record.covenantId,
        record.caseId,
        record.organisationId,
        epochOf(record.readAt),
        record.subjectId,
        record.purpose,
        JSON.stringify(keptOf(record)),
      ]),
  }),
};

/** What a row's `record` keeps: the read record less the ids and purpose its columns hold. */
type Kept = Pick<
  AccessRecord,
  "readId" | "userId" | "roles" | "itemIds" | "readAt" | "correlationId"
>;

const keptOf = ({ readId, userId, roles, itemIds, readAt, correlationId }: AccessRecord): Kept => ({
  readId,
  userId,
  roles,
  itemIds,
  readAt,
  correlationId,
});

/** The columns a read record is made whole from. */
const RECORD_COLUMNS = [
  "covenant_id",
  "case_id",
  "organisation_id",
  "subject_id",
  "purpose",
  "record",
];

type Recorded = {
  covenant_id: string;
  case_id: string;
  organisation_id: string;
  subject_id: string;
  purpose: string;
  record: string;
};

/** A row's read record, whole again: the kept JSON and the columns, in the record's own field order. */
function recordOfRow(row: Recorded): AccessRecord {
  const kept = JSON.parse(row.record) as Kept;
  return {
    readId: kept.readId,
    caseId: row.case_id,
    subjectId: row.subject_id,
    covenantId: row.covenant_id,
    userId: kept.userId,
    organisationId: row.organisation_id,
    roles: kept.roles,
    itemIds: kept.itemIds,
    purpose: row.purpose,
    readAt: kept.readAt,
    correlationId: kept.correlationId,
  };
}

type Row = Recorded & { position: number | string; n: number };

type SubjectReadRow = Pick<Recorded, "case_id" | "organisation_id" | "purpose"> & {
  /** A 64-bit integer: PostgreSQL's driver hands it over as a string. */
  read_ms: number | string | null;
  record: string | null;
};

/** The access log (rule 8's read records), shelved beside the events; `spec` only for tests of a new version. */
export async function openAccessLog(
  tables: ModelTables,
  spec: ShelfSpec = ACCESS_LOG,
): Promise<AccessLog> {
  const shelf = await ShelvedModel.open(tables, spec);
  return {
    name: shelf.name,
    shelved: shelf,
    apply: (event) => shelf.apply(event),
    reset: () => shelf.reset(),
    async reads(viewer, covenant, filter = {}, page = FIRST_PAGE) {
      const conditions = officerScopeConditions(viewer, covenant);
      if (filter.organisationId !== undefined) {
        conditions.push(["organisation_id = ?", [filter.organisationId]]);
      }
      if (filter.caseId !== undefined) conditions.push(["case_id = ?", [filter.caseId]]);
      conditions.push(...periodConditions("read_ms", filter.from, filter.to));
      const rows = await shelf.query<Row>((table) =>
        pageQuery(table, RECORD_COLUMNS, conditions, page),
      );
      return pageOf(rows, page.limit, recordOfRow);
    },
    async readsOfSubject(subjectId, covenantId) {
      // From the columns alone: the kept JSON is parsed only for a row whose time did not parse.
      const rows = await shelf.query<SubjectReadRow>((table) => [
        `SELECT case_id, organisation_id, purpose, read_ms,
           CASE WHEN read_ms IS NULL THEN record END AS record
         FROM ${table} WHERE subject_id = ? AND covenant_id = ? ORDER BY position, n`,
        [subjectId, covenantId],
      ]);
      return rows.map((row) => ({
        readAt:
          row.read_ms === null
            ? (JSON.parse(row.record!) as Kept).readAt
            : new Date(Number(row.read_ms)).toISOString(),
        organisationId: row.organisation_id,
        purpose: row.purpose,
        caseId: row.case_id,
      }));
    },
    async lastLookedAt(organisationId) {
      const rows = await shelf.query<Pick<Recorded, "record">>((table) => [
        `SELECT record FROM ${table} WHERE organisation_id = ? AND purpose = ?
         ORDER BY read_ms DESC LIMIT 1`,
        [organisationId, WORKLIST_PURPOSE],
      ]);
      return rows[0] ? (JSON.parse(rows[0].record) as Kept).readAt : null;
    },
  };
}
