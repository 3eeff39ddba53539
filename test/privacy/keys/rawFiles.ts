import { randomUUID } from "node:crypto";
import { type Dirent, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

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
  return sqliteFilesHoldingEach(path, [bytes])[0]!;
}

/** For each value, which of the files hold it; each file is read once. */
export function sqliteFilesHoldingEach(path: string, values: Uint8Array[]): string[][] {
  const files = [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => ({ file, bytes: readFileSync(file) }));
  return values.map((value) =>
    files.filter(({ bytes }) => bytes.indexOf(value) !== -1).map(({ file }) => file),
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

/** Every regular file under a folder, as paths relative to it; files that vanish meanwhile are left out. */
function filesUnder(root: string, folder = ""): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Which files of a PostgreSQL data directory hold each needle, read raw from disk as a copy of
 * the directory would have them: base/, pg_wal/ and everything else. With `database` (an oid),
 * other databases' folders under base/ are left out: they never held that database's data.
 */
export function dataDirectoryHolding(
  dataDir: string,
  needles: Record<string, Buffer>,
  database?: number,
): Record<string, string[]> {
  const holding: Record<string, string[]> = {};
  for (const name of Object.keys(needles)) holding[name] = [];
  const elsewhere = (file: string) =>
    database !== undefined && file.startsWith("base/") && !file.startsWith(`base/${database}/`);
  for (const file of filesUnder(dataDir).filter((path) => !elsewhere(path))) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dataDir, file));
    } catch {
      continue; // removed by the server meanwhile: a copy would not have it either
    }
    const records = isWalSegment(file) ? walRecordBytes(bytes) : undefined;
    for (const [name, needle] of Object.entries(needles)) {
      if (bytes.includes(needle) || records?.includes(needle)) holding[name]!.push(file);
    }
  }
  return holding;
}

const WAL_PAGE = 8192;
const WAL_LONG_HEADER = 0x0002;
const isWalSegment = (file: string) => /^pg_wal\/[0-9A-F]{24}$/.test(file);

/**
 * A WAL segment's record stream without its page headers. A record that crosses an 8 KB WAL
 * page has the next page's header (24 bytes, 40 on a segment's first page) in its middle, so a
 * value written in it is whole only once the headers are taken out, as a reader of the WAL would.
 */
function walRecordBytes(segment: Buffer): Buffer {
  const pages: Buffer[] = [];
  for (let at = 0; at + WAL_PAGE <= segment.length; at += WAL_PAGE) {
    const header = segment.readUInt16LE(at + 2) & WAL_LONG_HEADER ? 40 : 24;
    pages.push(segment.subarray(at + header, at + WAL_PAGE));
  }
  return Buffer.concat(pages);
}

/** A wrapped key as a database stores it, and as a server log would print it (bytea hex). */
export const keyNeedles = (wrapped: Buffer): Record<string, Buffer> => ({
  wrapped,
  wrappedAsText: Buffer.from(`\\x${wrapped.toString("hex")}`),
});

/**
 * A replication slot that keeps every WAL segment from now on, as a replica or backup tool
 * would: while it holds, nothing but its release lets a checkpoint remove them.
 */
export async function holdWal(url: string): Promise<{ slot: string; release(): Promise<void> }> {
  const slot = `held_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
  return {
    slot,
    async release() {
      await admin.query("SELECT pg_drop_replication_slot($1)", [slot]);
      await admin.end();
    },
  };
}

/**
 * The data directory of the server behind the pool, with the oid of the pool's database, when
 * this process can read it (the same machine and the same cluster: pg_control names the same
 * system); else why not.
 */
export async function readableDataDirectory(
  pool: pg.Pool,
): Promise<{ dataDir: string; database: number } | { reason: string }> {
  try {
    const { rows } = await pool.query<{ dir: string; database: number; system: string }>(
      `SELECT current_setting('data_directory') AS dir, system_identifier::text AS system,
         (SELECT oid::int FROM pg_database WHERE datname = current_database()) AS database
       FROM pg_control_system()`,
    );
    const { dir, database, system } = rows[0]!;
    const control = readFileSync(join(dir, "global", "pg_control"));
    if (control.readBigUInt64LE(0).toString() !== system) {
      return { reason: `${dir} on this machine belongs to another server` };
    }
    return { dataDir: dir, database };
  } catch (error) {
    return {
      reason: `the server's data directory is not readable here (${(error as Error).message})`,
    };
  }
}
