import type BetterSqlite3 from "better-sqlite3";
import type { BlindIndex } from "../../identity/blindIndex.js";
import type { IdentityIndex, IndexHit } from "../../identity/identityIndex.js";
import { SubjectErasedError } from "../errors.js";
import { coalescedWrites } from "./coalescedWrites.js";
import { identityEraser } from "./identityErasure.js";
import { createKeySchema } from "./schema.js";

/** One value's subjects: a search of the primary key (its plan is checked by the spec). */
export const LOOKUP = `SELECT subject_id FROM subject_identity_index
  WHERE covenant_id = ? AND kind = ? AND value = ?`;

/**
 * The identity index in the key store's SQLite file. A lookup is a search of the primary key
 * (covenant, kind, value): its cost grows with log n. Deleted entries are zeroed in place
 * (secure_delete) and the table rewritten (identityEraser); erasure, in sqliteKeyVault, also
 * truncates the WAL.
 */
export function sqliteIdentityIndex(db: BetterSqlite3.Database): IdentityIndex {
  db.pragma("secure_delete = ON");
  createKeySchema(db);
  const lookup = db.prepare<[string, string, Buffer], { subject_id: string }>(LOOKUP);
  const erased = db.prepare<[string], { erased: number }>(
    "SELECT 1 AS erased FROM subject_keys WHERE subject_id = ? AND wrapped IS NULL",
  );
  const clear = db.prepare(
    "DELETE FROM subject_identity_index WHERE subject_id = ? AND covenant_id = ?",
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO subject_identity_index (covenant_id, kind, value, subject_id)
     VALUES (?, ?, ?, ?)`,
  );
  const unindex = identityEraser(db);
  const write = db.transaction(
    (covenantId: string, subjectId: string, indexes: readonly BlindIndex[], replace: boolean) => {
      if (erased.get(subjectId)) throw new SubjectErasedError();
      if (replace) clear.run(subjectId, covenantId);
      for (const { kind, value } of indexes) insert.run(covenantId, kind, value, subjectId);
    },
  );
  const removeAll = db.transaction((subjectIds: readonly string[]) => unindex(subjectIds));
  // Intake adds one young person's indexes per new case: the adds of a moment share a commit.
  const add = coalescedWrites(db, ({ covenantId, subjectId, indexes }: Add) =>
    write(covenantId, subjectId, indexes, false),
  );

  return {
    async find(covenantId, indexes) {
      const hits = new Map<string, IndexHit>();
      for (const { kind, value } of indexes) {
        for (const { subject_id } of lookup.all(covenantId, kind, value)) {
          hits.set(JSON.stringify([subject_id, kind]), { subjectId: subject_id, kind });
        }
      }
      return [...hits.values()];
    },
    // IMMEDIATE: the tombstone check and the writes hold the write lock together, so an
    // erasure in another process comes wholly before or wholly after.
    add: (covenantId, subjectId, indexes) => add({ covenantId, subjectId, indexes }),
    async replace(covenantId, subjectId, indexes) {
      write.immediate(covenantId, subjectId, indexes, true);
    },
    async remove(subjectIds) {
      removeAll(subjectIds);
    },
  };
}

type Add = { covenantId: string; subjectId: string; indexes: readonly BlindIndex[] };
