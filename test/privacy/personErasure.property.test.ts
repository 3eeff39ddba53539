import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { erasePerson } from "../../src/commands/personErasure.js";
import { handlePersonCommand } from "../../src/commands/persons.js";
import {
  applyPersonEvent,
  type CaseCommand,
  caseStreamId,
  ERASED,
  type Identity,
  PersonLinks,
  personStreamId,
} from "../../src/domain/index.js";
import { readDecodedStream } from "../../src/privacy/codec/readDecoded.js";
import type { IdentityIndex } from "../../src/privacy/identity/identityIndex.js";
import { actor, COVENANT_ID, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  covenantOfficer,
  postgresAuditWorld,
  sqliteAuditWorld,
} from "./auditWorld.js";
import { indexesOf } from "./identity/identityIndexContract.js";
import { databaseFilesHolding, sqliteFilesHolding } from "./keys/rawFiles.js";

const NOW = "2026-02-02T10:00:00.000Z";
const letters = (hex: string) =>
  [...hex.replaceAll("-", "")].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("");

/** One subject record: its case, its own spelling of the young person, its unique signal text. */
type Record = {
  subjectId: string;
  caseId: string;
  identity: Identity;
  signal: string;
  name: string;
};

let world: AuditWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Records a case per record and indexes each record's identity, as intake does. */
async function recorded(opened: AuditWorld, index: IdentityIndex, person: number, count: number) {
  const surname = `Jansen${letters(randomUUID()).slice(0, 10)}`;
  const records: Record[] = [];
  for (let n = 0; n < count; n++) {
    const givenNames = ["Daan", "Daantje", "Daniel"][n % 3]!;
    const identity = { givenNames, surname, dateOfBirth: `2012-03-${10 + person}` };
    const name = `${givenNames} ${surname}`;
    const script = caseScript({
      subject: { name, dateOfBirth: identity.dateOfBirth, school: "Het Baken" },
    });
    const signal = `Signaal over persoon ${randomUUID()}`;
    await opened.run({ ...(script.open() as object), description: signal } as CaseCommand);
    await index.add(COVENANT_ID, script.subjectId, indexesOf(COVENANT_ID, identity));
    records.push({ subjectId: script.subjectId, caseId: script.caseId, identity, signal, name });
  }
  return records;
}

/** The young person of a record as the persons stream tells it. */
async function personOf(opened: AuditWorld, subjectId: string): Promise<string[]> {
  const links = new PersonLinks();
  for (const event of await opened.store.readStream(personStreamId(COVENANT_ID))) {
    applyPersonEvent(links, event.type, event.data);
  }
  return links.personOf(subjectId);
}

/** Every field of a case's events as the codec decodes them now. */
async function caseText(opened: AuditWorld, caseId: string): Promise<string> {
  const history = await readDecodedStream(opened.store, opened.codec, caseStreamId(caseId));
  return JSON.stringify(history.map((event) => event.data));
}

async function rawFilesHolding(opened: AuditWorld, needle: Buffer): Promise<string[]> {
  if (opened.pool) return databaseFilesHolding(opened.pool, needle);
  return sqliteFilesHolding(opened.sqlitePath!, needle);
}

/** Persons of 1–3 records each, merged by the chair; the first person is erased through any of its records. */
async function eraseAMergedPerson(open: () => Promise<AuditWorld>, sizes: number[], named: number) {
  world = await open();
  const opened = world;
  const index = opened.identityIndex;
  const persons: Record[][] = [];
  for (const [person, size] of sizes.entries())
    persons.push(await recorded(opened, index, person, size));
  for (const records of persons) {
    for (let n = 1; n < records.length; n++) {
      await handlePersonCommand(opened, {
        type: "MergeSubjects",
        actor: actor(ORG.chair, "chair"),
        now: NOW,
        mergeId: randomUUID(),
        covenantId: COVENANT_ID,
        linked: [records[n - 1]!, records[n]!].map(({ subjectId, caseId }) => ({
          subject: subjectId,
          caseId,
        })),
        erased: [],
        reason: "same-name-and-birth-date",
      });
    }
  }
  const [erasedPerson, ...others] = persons as [Record[], ...Record[][]];
  const requested = erasedPerson[named % erasedPerson.length]!;

  // When the covenant's officer erases the young person through one record
  const person = await personOf(opened, requested.subjectId);
  const recordOf = (subjectId: string) => {
    const record = erasedPerson.find((candidate) => candidate.subjectId === subjectId)!;
    return { subjectId, caseIds: [record.caseId] };
  };
  await erasePerson(opened, {
    actor: covenantOfficer,
    now: NOW,
    covenantId: COVENANT_ID,
    named: recordOf(person[0]!),
    others: person.slice(1).map(recordOf),
    reason: "data-subject-request",
  });

  // Then every record of theirs reads "[erased]", has no key and no blind index, and no raw byte holds it
  expect(new Set(person)).toEqual(new Set(erasedPerson.map((record) => record.subjectId)));
  for (const record of erasedPerson) {
    const readable = await caseText(opened, record.caseId);
    expect(readable).not.toContain(record.signal);
    expect(readable).not.toContain(record.name);
    expect(readable).toContain(ERASED);
    expect(await opened.keyStore.get(record.subjectId)).toBeUndefined();
    const blind = indexesOf(COVENANT_ID, record.identity);
    expect(await index.find(COVENANT_ID, blind)).toEqual([]);
    for (const needle of [record.signal, record.name].map((text) => Buffer.from(text))) {
      expect(await rawFilesHolding(opened, needle), needle.toString()).toEqual([]);
    }
    for (const { value } of blind) expect(await rawFilesHolding(opened, value)).toEqual([]);
  }
  // And every other young person is as readable and findable as before
  for (const record of others.flat()) {
    expect(await caseText(opened, record.caseId)).toContain(record.signal);
    const hits = await index.find(COVENANT_ID, indexesOf(COVENANT_ID, record.identity));
    expect(hits.map((hit) => hit.subjectId)).toContain(record.subjectId);
  }
  await world.close();
  world = undefined;
}

const population = fc.tuple(
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
  fc.nat(5),
);

describe("erasing a merged young person", () => {
  test("property (SQLite file and WAL): no readable field, key or blind index of theirs is left; others stay", async () => {
    await fc.assert(
      fc.asyncProperty(population, ([sizes, named]) =>
        eraseAMergedPerson(sqliteAuditWorld, sizes, named),
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  test("property (PostgreSQL data files): no readable field, key or blind index of theirs is left; others stay", async () => {
    await fc.assert(
      fc.asyncProperty(population, ([sizes, named]) =>
        eraseAMergedPerson(postgresAuditWorld, sizes, named),
      ),
      { numRuns: 3 },
    );
  }, 180_000);
});
