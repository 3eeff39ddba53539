import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { StoreLockedError } from "../errors.js";

/** How long a connection to a shared file waits for a lock another connection holds. */
export const SHARED_BUSY_MS = 5_000;

/** One open SQLite file; the event store and the key store share it. */
export type Database = BetterSqlite3.Database;

/**
 * Opens (creating if needed) the store file: WAL with synchronous=FULL so an acknowledged
 * commit survives power loss, secure_delete so shredded keys leave no bytes behind, and an
 * exclusive lock held for the life of the connection, so one process owns the file.
 */
export function openSqliteDatabase(
  path: string,
  options: {
    /**
     * Without the exclusive lock, so another connection (a reader on another thread) may open
     * the file too, and waiting `SHARED_BUSY_MS` for its locks: for a read-model file, whose
     * store file's lock already makes one process its owner.
     */
    shared?: boolean;
  } = {},
): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  // timeout 0: a second process must fail at once, not wait for a lock that is never released.
  const db = new BetterSqlite3(path, { timeout: options.shared ? SHARED_BUSY_MS : 0 });
  try {
    if (!options.shared) db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("secure_delete = ON");
    // Savepoint journals stay in memory: past 64 KiB SQLite writes them to an unlinked temporary
    // file, so a group commit's savepoints (one per append) would write every page image twice,
    // wrapped keys among them, where secure_delete does not reach. Nothing on the store's
    // connection sorts outside an index, so no sort moves into memory with them.
    if (!options.shared) db.pragma("temp_store = MEMORY");
    // Reads (rebuilds, readAll) come from the page cache without a copy; writes are unchanged.
    db.pragma("mmap_size = 268435456");
    // A write takes the exclusive lock now rather than at the first append.
    if (!options.shared) db.exec("BEGIN EXCLUSIVE; COMMIT");
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new StoreLockedError(
        `the SQLite store ${path} is in use by another process: one process owns an SQLite ` +
          "store file; to run several processes against one store, use PostgreSQL",
      );
    }
    throw error;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
  );
}
