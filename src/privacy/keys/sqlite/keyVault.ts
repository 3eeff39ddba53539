import type BetterSqlite3 from "better-sqlite3";
import { KeyWipeIncompleteError } from "../errors.js";
import type { KeyVault, StoredKey, WrappedKey } from "../keyStore.js";
import { coalescedWrites } from "./coalescedWrites.js";
import { identityEraser } from "./identityErasure.js";
import { createKeySchema } from "./schema.js";

interface KeyRow {
  subject_id: string;
  key_id: string | null;
  wrapped: Buffer | null;
}

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// SQLite limits bound parameters per statement; look keys up in chunks below that limit.
const LOOKUP_CHUNK = 500;

/**
 * Wrapped keys in an SQLite file, usually the event store's own. Erasure relies on
 * secure_delete (freed cells and pages are zeroed) and a TRUNCATE checkpoint (the WAL,
 * which still holds the old page images, is copied back and cut to zero bytes).
 */
export function sqliteKeyVault(db: BetterSqlite3.Database): KeyVault {
  // Per connection; the event store sets it too, but erasure is only as good as this setting.
  db.pragma("secure_delete = ON");
  createKeySchema(db);
  const insert = db.prepare(
    `INSERT INTO subject_keys (subject_id, key_id, wrapped, created_at)
     VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING`,
  );
  const findOne = db.prepare<[string], KeyRow>(
    "SELECT subject_id, key_id, wrapped FROM subject_keys WHERE subject_id = ?",
  );
  const tombstone = db.prepare(
    `INSERT INTO subject_keys (subject_id, key_id, wrapped, created_at, erased_at)
     VALUES (?, NULL, NULL, ?, ?)
     ON CONFLICT (subject_id) DO UPDATE SET key_id = NULL, wrapped = NULL,
       erased_at = coalesce(erased_at, excluded.erased_at)`,
  );
  // The blind indexes go in the same transaction: an erased young person can no longer be matched.
  const unindex = identityEraser(db);
  const eraseAll = db.transaction((subjectIds: readonly string[], now: string) => {
    for (const subjectId of subjectIds) tombstone.run(subjectId, now, now);
    unindex(subjectIds);
  });

  // Each new young person's key is a write; the keys created at one moment share a commit.
  const insertOne = coalescedWrites(
    db,
    ({ subjectId, key }: { subjectId: string; key: WrappedKey }) => {
      insert.run(subjectId, key.keyId, key.wrapped, new Date().toISOString());
      const row = findOne.get(subjectId);
      if (!row) throw new Error("a key row vanished right after its insert");
      return storedKey(row);
    },
  );

  return {
    insertIfAbsent: (subjectId, key) => insertOne({ subjectId, key }),
    async find(subjectIds) {
      const found = new Map<string, StoredKey>();
      for (let start = 0; start < subjectIds.length; start += LOOKUP_CHUNK) {
        const chunk = subjectIds.slice(start, start + LOOKUP_CHUNK);
        const rows = db
          .prepare<string[], KeyRow>(
            `SELECT subject_id, key_id, wrapped FROM subject_keys
             WHERE subject_id IN (${chunk.map(() => "?").join(",")})`,
          )
          .all(...chunk);
        for (const row of rows) found.set(row.subject_id, storedKey(row));
      }
      return found;
    },
    async erase(subjectIds) {
      eraseAll(subjectIds, new Date().toISOString());
    },
    async flushErased() {
      const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as CheckpointResult[];
      // busy: a reader or writer elsewhere kept the WAL alive; its old frames still hold the keys.
      if (result && result.busy !== 0) {
        throw new KeyWipeIncompleteError("the SQLite WAL could not be checkpointed and truncated");
      }
    },
    async erasureProblems() {
      return [];
    },
  };
}

function storedKey(row: KeyRow): StoredKey {
  if (row.wrapped === null || row.key_id === null) return { state: "erased" };
  return { state: "active", keyId: row.key_id, wrapped: row.wrapped };
}
