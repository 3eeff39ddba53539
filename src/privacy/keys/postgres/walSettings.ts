import type pg from "pg";

/** What decides how long the server's files keep an erased key, and what this role may do about it. */
export interface WalFacts {
  role: string;
  /** A segment PostgreSQL is done with is renamed for reuse, old records and all, instead of deleted. */
  walRecycle: boolean;
  walKeepMb: number;
  /** Statement logging with bind parameters: a wrapped key sent as a parameter lands in the server log. */
  logsParameters: boolean;
  mayCheckpoint: boolean;
  maySwitchWal: boolean;
  mayListWal: boolean;
  /** Slots that keep WAL: inactive ones, and any whose restart point is not past the erasure. */
  holdingSlots: string[];
  /** Archiving is on and has not archived the segment of the erasure yet. */
  archiveBehind: boolean;
}

interface FactsRow {
  role: string;
  wal_recycle: boolean;
  wal_keep_mb: string;
  logs_parameters: boolean;
  may_checkpoint: boolean;
  may_switch_wal: boolean;
  may_list_wal: boolean;
  holding_slots: string[];
  archive_behind: boolean;
}

/** Reads the facts in one query; `erasedAt` is the WAL position of the latest erasure, if any. */
export async function walFacts(db: pg.Pool, erasedAt?: string): Promise<WalFacts> {
  const { rows } = await db.query<FactsRow>(
    `SELECT current_user AS role,
       current_setting('wal_recycle')::bool AS wal_recycle,
       (SELECT setting FROM pg_settings WHERE name = 'wal_keep_size') AS wal_keep_mb,
       (SELECT setting::int FROM pg_settings WHERE name = 'log_parameter_max_length') <> 0
         AND (current_setting('log_statement') IN ('mod', 'all')
           OR (SELECT setting::int FROM pg_settings WHERE name = 'log_min_duration_statement') >= 0)
         AS logs_parameters,
       EXISTS (SELECT FROM pg_roles WHERE (rolname = 'pg_checkpoint' AND pg_has_role(oid, 'MEMBER'))
               OR (rolname = current_user AND rolsuper)) AS may_checkpoint,
       has_function_privilege('pg_switch_wal()', 'EXECUTE') AS may_switch_wal,
       has_function_privilege('pg_ls_waldir()', 'EXECUTE') AS may_list_wal,
       ARRAY(SELECT slot_name::text FROM pg_replication_slots
             WHERE restart_lsn IS NOT NULL AND (NOT active OR restart_lsn <= $1::pg_lsn)
             ORDER BY slot_name) AS holding_slots,
       current_setting('archive_mode') <> 'off' AND $1::pg_lsn IS NOT NULL
         AND (SELECT coalesce(substr(last_archived_wal, 9) < substr(pg_walfile_name($1::pg_lsn), 9), true)
              FROM pg_stat_archiver) AS archive_behind`,
    [erasedAt ?? null],
  );
  const row = rows[0]!;
  return {
    role: row.role,
    walRecycle: row.wal_recycle,
    walKeepMb: Number(row.wal_keep_mb),
    logsParameters: row.logs_parameters,
    mayCheckpoint: row.may_checkpoint,
    maySwitchWal: row.may_switch_wal,
    mayListWal: row.may_list_wal,
    holdingSlots: row.holding_slots,
    archiveBehind: row.archive_behind,
  };
}

/**
 * What the operator must change before an erasure can be reported complete, each naming the
 * setting or grant; empty when nothing. Names of roles and slots only, never personal data.
 */
export function walProblems(facts: WalFacts): string[] {
  const role = facts.role;
  const problems: string[] = [];
  if (facts.walRecycle) {
    problems.push(
      "wal_recycle is on: a used WAL segment is renamed for reuse with erased keys still in it; set wal_recycle = off",
    );
  }
  if (facts.logsParameters) {
    problems.push(
      "statement logging records bind parameters, wrapped keys included; set log_parameter_max_length = 0",
    );
  }
  if (!facts.mayListWal) problems.push(`${role} may not list pg_wal: GRANT pg_monitor TO ${role}`);
  if (!facts.maySwitchWal) {
    problems.push(
      `${role} may not switch WAL segments: GRANT EXECUTE ON FUNCTION pg_switch_wal() TO ${role}`,
    );
  }
  if (!facts.mayCheckpoint)
    problems.push(`${role} may not CHECKPOINT: GRANT pg_checkpoint TO ${role}`);
  if (facts.walKeepMb > 0) {
    problems.push(
      `wal_keep_size is ${facts.walKeepMb} MB: that much WAL stays after each checkpoint; set wal_keep_size = 0`,
    );
  }
  for (const slot of facts.holdingSlots) {
    problems.push(
      `replication slot ${slot} keeps WAL from before the erasure until its consumer passes it (drop slots nobody consumes)`,
    );
  }
  if (facts.archiveBehind) {
    problems.push(
      "archive_mode is on and the archiver has not yet archived the segments of the erasure (see pg_stat_archiver)",
    );
  }
  return problems;
}
