import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { SubjectErasedError } from "../../../src/privacy/keys/errors.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { coalescedWrites } from "../../../src/privacy/keys/sqlite/coalescedWrites.js";
import { sqliteKeyVault } from "../../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { openStoreFile } from "./rawFiles.js";

type Checkpoint = { busy: number; log: number; checkpointed: number };

/** A store file with an empty WAL and a table to write to. */
function freshFile() {
  const { db } = openStoreFile();
  db.exec("CREATE TABLE written (n INTEGER PRIMARY KEY)");
  db.pragma("wal_checkpoint(TRUNCATE)");
  const walFrames = () => (db.pragma("wal_checkpoint(PASSIVE)") as Checkpoint[])[0]!.log;
  return { db, walFrames };
}

test("given writes made at one moment, when they are written, then they share one commit", async () => {
  const { db, walFrames } = freshFile();
  const insert = db.prepare("INSERT INTO written (n) VALUES (?)");
  const write = coalescedWrites(db, (n: number) => {
    insert.run(n);
    return db.inTransaction;
  });

  const inTransaction = await Promise.all(Array.from({ length: 50 }, (_, n) => write(n)));

  // One commit of one page is one WAL frame; fifty commits would be fifty.
  expect(inTransaction.every(Boolean)).toBe(true);
  expect(walFrames()).toBe(1);
  expect(db.prepare("SELECT count(*) AS n FROM written").get()).toEqual({ n: 50 });
});

test("given one write of a moment that fails, then it fails alone and the others commit", async () => {
  const { db } = freshFile();
  const insert = db.prepare("INSERT INTO written (n) VALUES (?)");
  const write = coalescedWrites(db, (n: number) => {
    if (n === 3) throw new RangeError("three is refused");
    insert.run(n);
    return n;
  });

  const outcomes = await Promise.allSettled([1, 2, 3, 4].map(write));

  expect(outcomes.map((outcome) => outcome.status)).toEqual([
    "fulfilled",
    "fulfilled",
    "rejected",
    "fulfilled",
  ]);
  const rows = db.prepare<[], { n: number }>("SELECT n FROM written ORDER BY n").all();
  expect(rows.map(({ n }) => n)).toEqual([1, 2, 4]);
});

test("given keys created at one moment, one for a subject erased meanwhile, then only that one is refused", async () => {
  const { db } = openStoreFile();
  const keys = createKeyStore({
    vault: sqliteKeyVault(db),
    masterKey: masterKeyFrom(randomBytes(32)),
  });
  const [erased, ...others] = Array.from({ length: 10 }, () => randomUUID());
  await keys.delete(erased!);

  const outcomes = await Promise.allSettled([erased!, ...others].map((id) => keys.getOrCreate(id)));

  expect(outcomes[0]).toMatchObject({ status: "rejected", reason: expect.any(SubjectErasedError) });
  expect(outcomes.slice(1).every((outcome) => outcome.status === "fulfilled")).toBe(true);
  const stored = await sqliteKeyVault(db).find(others);
  expect([...stored.values()].every((key) => key.state === "active")).toBe(true);
});
