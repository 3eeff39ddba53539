import { randomBytes, randomUUID } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { expect, test } from "vitest";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { LOOKUP, sqliteIdentityIndex } from "../../../src/privacy/keys/sqlite/identityIndex.js";
import { sqliteKeyVault } from "../../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { openStoreFile, sqliteFilesHolding, sqliteFilesHoldingEach } from "../keys/rawFiles.js";
import { identityIndexContract, indexesOf, nthPerson } from "./identityIndexContract.js";

const masterKey = masterKeyFrom(randomBytes(32));

identityIndexContract("sqlite", async () => {
  const { db, path } = openStoreFile();
  const open = (connection: BetterSqlite3.Database) => {
    connection.pragma("busy_timeout = 5000");
    return { index: sqliteIdentityIndex(connection), vault: sqliteKeyVault(connection) };
  };
  return { ...open(db), second: () => open(new BetterSqlite3(path)) };
});

test("the lookup searches the primary key: its cost grows with log n, not n", () => {
  const { db } = openStoreFile();
  sqliteIdentityIndex(db);
  const plan = db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${LOOKUP}`)
    .all("covenant", "bsn", Buffer.alloc(32));
  expect(plan.map((step) => step.detail)).toEqual([
    "SEARCH subject_identity_index USING PRIMARY KEY (covenant_id=? AND kind=? AND value=?)",
  ]);
});

test("an erased subject's index values are gone from the database file, its WAL and free pages", async () => {
  // Given 2,000 young people indexed (enough for interior pages with divider keys), 1,400 checkpointed into the file and 600 still in the WAL
  const { db, path } = openStoreFile();
  db.pragma("synchronous = OFF"); // 4,000 small commits; what is on disk is the question, not power loss
  const keys = createKeyStore({ vault: sqliteKeyVault(db), masterKey });
  const index = sqliteIdentityIndex(db);
  const covenant = randomUUID();
  const subjects = Array.from({ length: 2000 }, (_, n) => ({
    subjectId: randomUUID(),
    indexes: indexesOf(covenant, nthPerson(n)),
  }));
  const indexAll = async (some: typeof subjects) => {
    for (const { subjectId, indexes } of some) {
      await keys.getOrCreate(subjectId);
      await index.replace(covenant, subjectId, indexes);
    }
  };
  await indexAll(subjects.slice(0, 1400));
  db.pragma("wal_checkpoint(PASSIVE)");
  await indexAll(subjects.slice(1400));
  const valuesOf = (some: typeof subjects) =>
    some.flatMap(({ indexes }) => indexes.map((entry) => entry.value));
  expect(sqliteFilesHolding(path, valuesOf(subjects.slice(0, 1))[0]!)).toContain(path);
  expect(sqliteFilesHolding(path, valuesOf(subjects.slice(1700, 1701))[0]!)).toContain(
    `${path}-wal`,
  );

  // When two thirds of them are erased, one and then the rest in a batch
  const erased = subjects.filter((_, n) => n % 3 !== 0);
  const kept = subjects.filter((_, n) => n % 3 === 0);
  await keys.delete(erased[0]!.subjectId);
  await keys.deleteMany(erased.slice(1).map(({ subjectId }) => subjectId));

  // Then no byte of the files holds an erased value; the kept ones are there and still found
  const found = (values: Buffer[]) => sqliteFilesHoldingEach(path, values).map(String);
  expect(found(valuesOf(erased)).filter(Boolean)).toEqual([]);
  expect(new Set(found(valuesOf(kept)))).toEqual(new Set([path]));
  expect(await index.find(covenant, kept[3]!.indexes)).toHaveLength(2);
});
