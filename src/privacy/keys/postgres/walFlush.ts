import type pg from "pg";
import { KeyWipeIncompleteError } from "../errors.js";
import { walFacts, walProblems } from "./walSettings.js";

/** Segment switches and checkpoints tried before the flush asks the server what keeps its WAL. */
const ROUNDS = 3;

interface SegmentCounts {
  /** Segments up to the one of the latest erasure: each may hold an erased key. */
  holding: number;
  /** Segments more than one ahead of the insert position: renamed for reuse while wal_recycle was on. */
  ahead: number;
}

async function latestErasure(db: pg.Pool): Promise<string | undefined> {
  const { rows } = await db.query<{ lsn: string | null }>(
    "SELECT max(erased_lsn)::text AS lsn FROM subject_keys",
  );
  return rows[0]?.lsn ?? undefined;
}

/** Segment names are timeline, then log and segment number; the last sixteen digits order them. */
async function segmentCounts(db: pg.Pool, erasedAt: string): Promise<SegmentCounts> {
  const { rows } = await db.query<{ holding: string; ahead: string }>(
    `SELECT
       count(*) FILTER (WHERE substr(name, 9) <= substr(pg_walfile_name($1::pg_lsn), 9)) AS holding,
       count(*) FILTER (WHERE substr(name, 9) > substr(pg_walfile_name(pg_current_wal_insert_lsn()
         + pg_size_bytes(current_setting('wal_segment_size'))::numeric), 9)) AS ahead
     FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$'`,
    [erasedAt],
  );
  return { holding: Number(rows[0]!.holding), ahead: Number(rows[0]!.ahead) };
}

/**
 * Makes sure no file of the live data directory can still hold an erased key: every WAL record
 * that held one (the key's insert, the page images its erasure wrote) lies before the latest
 * tombstone's erased_lsn. A segment switch and a checkpoint let PostgreSQL remove every segment
 * before the new one, and with wal_recycle off it deletes them rather than renaming them for
 * reuse. One flush covers every erasure committed before it. Throws KeyWipeIncompleteError,
 * naming the setting or grant that prevents it, when it cannot be done.
 */
export async function flushWal(db: pg.Pool): Promise<void> {
  const erasedAt = await latestErasure(db);
  if (erasedAt === undefined) return;
  const facts = await walFacts(db, erasedAt);
  if (facts.walRecycle || facts.logsParameters || !facts.mayListWal) {
    throw new KeyWipeIncompleteError(walProblems(facts).join("; "));
  }
  let counts = await segmentCounts(db, erasedAt);
  for (let round = 0; round < ROUNDS && !cleared(counts); round++) {
    if (!facts.maySwitchWal || !facts.mayCheckpoint) break;
    await db.query("SELECT pg_switch_wal()");
    await db.query("CHECKPOINT");
    counts = await segmentCounts(db, erasedAt);
  }
  if (cleared(counts)) return;
  throw new KeyWipeIncompleteError(whyHeld(walProblems(await walFacts(db, erasedAt)), counts));
}

const cleared = (counts: SegmentCounts) => counts.holding === 0 && counts.ahead === 0;

function whyHeld(problems: string[], counts: SegmentCounts): string {
  const reasons = [...problems];
  if (counts.ahead > 0) {
    reasons.push(
      `${counts.ahead} WAL segment(s) renamed for reuse while wal_recycle was on still hold old records until WAL is written over them`,
    );
  }
  if (reasons.length === 0)
    reasons.push(`${counts.holding} WAL segment(s) from before the erasure remain in pg_wal`);
  return reasons.join("; ");
}
