import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

/** An SQLite file opened as the event store opens it: WAL, synchronous FULL, secure_delete. */
export function openStoreFile(): { db: BetterSqlite3.Database; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), "casustafel-keys-")), "store.db");
  const db = new BetterSqlite3(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("secure_delete = ON");
  return { db, path };
}

/** Which of the files (the database, its WAL) contain the bytes, read raw from disk. */
export function sqliteFilesHolding(path: string, bytes: Uint8Array): string[] {
  return [path, `${path}-wal`].filter(
    (file) => existsSync(file) && readFileSync(file).indexOf(bytes) !== -1,
  );
}

/** The raw bytes of a table's current file as PostgreSQL has it on disk (after a checkpoint). */
export async function relationFileBytes(pool: pg.Pool, relation: string): Promise<Buffer> {
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ path: string }>("SELECT pg_relation_filepath($1) AS path", [
    relation,
  ]);
  return readServerFile(pool, rows[0]!.path);
}

/** A file under the server's data directory; empty when it no longer exists. */
export async function readServerFile(pool: pg.Pool, path: string): Promise<Buffer> {
  const { rows } = await pool.query<{ bytes: Buffer | null }>(
    "SELECT pg_read_binary_file($1, true) AS bytes",
    [path],
  );
  return rows[0]?.bytes ?? Buffer.alloc(0);
}

/** Every file of the current database (tables, TOAST, indexes), after a checkpoint. */
export async function databaseFilesHolding(pool: pg.Pool, bytes: Uint8Array): Promise<string[]> {
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ file: string }>(
    `SELECT 'base/' || d.oid || '/' || f AS file
     FROM pg_database d, pg_ls_dir('base/' || d.oid) AS f
     WHERE d.datname = current_database()`,
  );
  const holding: string[] = [];
  for (const { file } of rows) {
    if ((await readServerFile(pool, file)).indexOf(bytes) !== -1) holding.push(file);
  }
  return holding;
}
