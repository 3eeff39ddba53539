import type BetterSqlite3 from "better-sqlite3";

/**
 * Removes subjects' blind indexes so that no byte of them stays in the file. secure_delete
 * zeroes a deleted leaf cell, but the primary key's interior pages keep copies of some keys
 * as dividers, and a divider outlives the row it was copied from. So the entries that stay
 * are set aside in memory, the table is cleared (every page freed and, under secure_delete,
 * zeroed) and they are written back: O(entries) per erasure batch, not per subject.
 * Run it inside the caller's transaction; the caller's TRUNCATE checkpoint then empties the WAL.
 */
export function identityEraser(
  db: BetterSqlite3.Database,
): (subjectIds: readonly string[]) => void {
  db.pragma("temp_store = MEMORY");
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS identity_index_erased (subject_id TEXT PRIMARY KEY)`);
  const mark = db.prepare("INSERT OR IGNORE INTO temp.identity_index_erased VALUES (?)");
  const anyIndexed = db.prepare<[], { found: number }>(
    `SELECT 1 AS found FROM subject_identity_index
     WHERE subject_id IN (SELECT subject_id FROM temp.identity_index_erased) LIMIT 1`,
  );
  const rewrite = [
    `CREATE TEMP TABLE identity_index_kept AS SELECT * FROM subject_identity_index
     WHERE subject_id NOT IN (SELECT subject_id FROM temp.identity_index_erased)`,
    "DELETE FROM subject_identity_index",
    `INSERT INTO subject_identity_index SELECT * FROM temp.identity_index_kept
     ORDER BY covenant_id, kind, value, subject_id`,
    "DROP TABLE temp.identity_index_kept",
  ];
  return (subjectIds) => {
    for (const subjectId of subjectIds) mark.run(subjectId);
    if (anyIndexed.get()) for (const statement of rewrite) db.exec(statement);
    db.exec("DELETE FROM temp.identity_index_erased");
  };
}
