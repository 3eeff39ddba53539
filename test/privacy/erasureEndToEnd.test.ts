import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import { runRetention } from "../../src/commands/retention/job.js";
import { type CaseCommand, ERASED } from "../../src/domain/index.js";
import { recordAccess, storeAccessRecorder } from "../../src/privacy/accessRecords.js";
import { openAccessLog } from "../../src/projections/accessLog/accessLog.js";
import { createCaseReadModels } from "../../src/projections/caseModels.js";
import { createDisclosureRegister } from "../../src/projections/disclosureRegister/disclosureRegister.js";
import { openProcessingLog } from "../../src/projections/processingLog/processingLog.js";
import type { Projector } from "../../src/projections/projector.js";
import { readModelsPath } from "../../src/projections/shelved/offThreadModelTables.js";
import { produceSubjectReport } from "../../src/projections/subjectReport/report.js";
import { createSubjectIndex } from "../../src/projections/subjectReport/subjectIndex.js";
import { storeSubjectRecords } from "../../src/projections/subjectReport/subjectRecords.js";
import { createTrends } from "../../src/projections/trends/trends.js";
import { visibilityAt } from "../../src/projections/visibilityAt/visibilityAt.js";
import { verifyAll } from "../../src/store/hashChain.js";
import { actor, COVENANT_ID, chair, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  covenantOfficer,
  postgresAuditWorld,
  professional,
  projectorOver,
  settled,
  sqliteAuditWorld,
} from "./auditWorld.js";
import {
  dataDirectoryHolding,
  keyNeedles,
  readableDataDirectory,
  readServerFile,
} from "./keys/rawFiles.js";
import { meetingWithAgreement } from "./meeting.js";

// Every personal text of the scenario is unique, so finding it anywhere means it leaked.
const SUBJECT = {
  name: "Jannigje van Oosterhout-Brabander",
  dateOfBirth: "2010-07-23",
  school: "Sint-Bavo Lyceum Zuid",
};
const TEXTS = {
  signal: "Komt sinds de kerstvakantie met blauwe plekken op de onderarmen binnen.",
  content: "Oom Gerrit haalt haar op en zij wil niet met hem mee naar huis.",
  necessity: "Zonder dit beeld kan het wijkteam het gezinsbezoek van donderdag niet voorbereiden.",
  minutes: "Jannigje vertelde de mentor over ruzies met oom Gerrit over geld.",
  agreement: "Mentor belt tante Wilhelmina over opvang na schooltijd.",
};
const PLAINTEXT = [SUBJECT.name, SUBJECT.school, ...Object.values(TEXTS)];
const NOW = "2025-06-01T12:00:00.000Z";

let world: AuditWorld;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  await world?.close();
});

async function models() {
  const cases = createCaseReadModels();
  const audit = {
    disclosureRegister: createDisclosureRegister(),
    accessLog: await openAccessLog(world.modelTables),
    // Kept in the store's database or the SQLite store's read-model file: the raw scans below read its rows too.
    processingLog: await openProcessingLog(world.modelTables, "https://casustafel.test"),
    subjectIndex: createSubjectIndex(),
    trends: createTrends(),
  };
  return { cases, audit, all: [...cases.all, ...Object.values(audit)] };
}

/** A case with every kind of personal text: identity, signal, share, necessity, minutes, agreement. */
async function lifeOfACase(script: ReturnType<typeof caseScript>) {
  await world.run({ ...(script.open() as object), description: TEXTS.signal } as CaseCommand);
  await world.run(script.invite(ORG.wijkteam));
  await world.run(script.join(ORG.wijkteam));
  await world.run(script.share({ content: TEXTS.content, necessity: TEXTS.necessity }));
  const meeting = meetingWithAgreement(script.caseId, {
    agenda: "Thuis",
    minutes: TEXTS.minutes,
    decisions: [TEXTS.agreement],
    agreement: { what: TEXTS.agreement, ownerOrganisationId: ORG.school, dueDate: "2025-07-01" },
  });
  for (const command of meeting) await world.run(command);
  await recordAccess(world.store, {
    actor: professional(ORG.wijkteam),
    caseId: script.caseId,
    subjectId: script.subjectId,
    covenantId: COVENANT_ID,
    itemIds: ["header"],
    now: "2025-03-21T09:00:00.000Z",
  });
}

/** Everything any read model or visibilityAt shows, as one string. */
async function everythingShown(built: Awaited<ReturnType<typeof models>>, caseId: string) {
  const covenant = await world.covenant();
  const { cases, audit } = built;
  const shown: unknown[] = [cases.caseView.query(caseId, chair, NOW)];
  for (const organisationId of [ORG.chair, ORG.school, ORG.wijkteam]) {
    const viewer = professional(organisationId);
    shown.push(cases.caseView.query(caseId, viewer, NOW));
    shown.push(await visibilityAt(world.store, caseId, organisationId, NOW));
    shown.push(cases.caseList.query(viewer, NOW), cases.agreementsDue.query(viewer, NOW));
  }
  shown.push(audit.disclosureRegister.disclosures(covenantOfficer, covenant));
  shown.push(await audit.accessLog.reads(covenantOfficer, covenant));
  shown.push(audit.trends.trends(actor(ORG.chair, "chair"), covenant));
  return JSON.stringify(shown);
}

/** The AVG art. 15 report, as the covenant's privacy officer produces it. */
async function reportShown(built: Awaited<ReturnType<typeof models>>, subjectId: string) {
  const report = await produceSubjectReport(
    {
      records: storeSubjectRecords(world.store, world.codec),
      index: built.audit.subjectIndex,
      reads: built.audit.accessLog,
      accessRecorder: storeAccessRecorder(world.store),
    },
    { viewer: covenantOfficer, covenant: await world.covenant(), subjectId, now: NOW },
  );
  return JSON.stringify(report);
}

/** The subject's data key as PostgreSQL stores it (wrapped) and as the codec uses it: what the data directory must lose. */
async function keyNeedlesOf(subjectId: string): Promise<Record<string, Buffer>> {
  const { rows } = await world.pool!.query(
    "SELECT wrapped FROM subject_keys WHERE subject_id = $1",
    [subjectId],
  );
  const dataKey = (await world.keyStore.get(subjectId))!.key.export();
  return { ...keyNeedles(rows[0].wrapped), dataKey };
}

/**
 * The files of the live PostgreSQL data directory (this database's folder, pg_wal and all the
 * rest) holding any needle; undefined, with the reason printed, where it cannot be read here.
 */
async function liveFilesHolding(needles: Record<string, Buffer>): Promise<string[] | undefined> {
  const readable = await readableDataDirectory(world.pool!);
  if ("reason" in readable) {
    console.warn(`raw scan of the live data directory skipped: ${readable.reason}`);
    return undefined;
  }
  const holding = dataDirectoryHolding(readable.dataDir, needles, readable.database);
  return Object.entries(holding).flatMap(([needle, files]) =>
    files.map((file) => `${needle}: ${file}`),
  );
}

/** The raw bytes of the store: the SQLite files (events, read models) and their WALs, or every file of the PostgreSQL database. */
async function rawBytes(): Promise<Buffer[]> {
  if (world.sqlitePath) {
    return [world.sqlitePath, readModelsPath(world.sqlitePath)]
      .flatMap((file) => [file, `${file}-wal`])
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file));
  }
  const pool = world.pool!;
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ file: string }>(
    `SELECT 'base/' || d.oid || '/' || f AS file
     FROM pg_database d, pg_ls_dir('base/' || d.oid) AS f WHERE d.datname = current_database()`,
  );
  return Promise.all(rows.map(({ file }) => readServerFile(pool, file)));
}

describe.each([
  ["SQLite", sqliteAuditWorld],
  ["PostgreSQL", postgresAuditWorld],
])("erasure end to end on %s", (_, open) => {
  test("after EraseSubject no view, report or raw table yields the subject's plaintext, and every chain verifies", async () => {
    // Given a young person's case, seen through every read model and in the report
    world = await open();
    const script = caseScript({ subject: SUBJECT });
    await lifeOfACase(script);
    const built = await models();
    projector = await projectorOver(world, ...built.all);
    await settled(world, projector);
    const before = await everythingShown(built, script.caseId);
    for (const text of PLAINTEXT) expect(before).toContain(text);
    for (const text of PLAINTEXT)
      expect(await reportShown(built, script.subjectId)).toContain(text);

    const key = world.pool ? await keyNeedlesOf(script.subjectId) : {};

    // When the covenant's privacy officer erases the subject
    await world.runSubject({
      type: "EraseSubject",
      actor: covenantOfficer,
      now: NOW,
      subjectId: script.subjectId,
      caseIds: [script.caseId],
      reason: "data-subject-request",
    });
    await settled(world, projector);

    // Then nothing shows the plaintext, everything shows "[erased]" where it stood, a rebuild
    // agrees with the live models, no raw byte holds it, and the chains verify
    const after = await everythingShown(built, script.caseId);
    for (const text of PLAINTEXT) expect(after).not.toContain(text);
    expect(after).toContain(ERASED);
    await projector.rebuild();
    expect(await everythingShown(built, script.caseId)).toEqual(after);
    const report = await reportShown(built, script.subjectId);
    for (const text of PLAINTEXT) expect(report).not.toContain(text);
    expect(report).toContain(ERASED);
    const raw = await rawBytes();
    // The scan does see the stored events: their ids are there in clear.
    expect(raw.some((bytes) => bytes.includes(Buffer.from(script.caseId)))).toBe(true);
    for (const text of PLAINTEXT) {
      expect(
        raw.some((bytes) => bytes.includes(Buffer.from(text))),
        text,
      ).toBe(false);
    }
    // And on PostgreSQL no file of the live data directory, pg_wal included, holds the key or a text
    if (world.pool) {
      const texts = Object.fromEntries(PLAINTEXT.map((text) => [text, Buffer.from(text)]));
      const holding = await liveFilesHolding({ ...key, ...texts });
      if (holding) expect(holding).toEqual([]);
    }
    const verified = await verifyAll(world.store);
    expect(verified.broken).toEqual([]);
    expect(verified.streamsChecked).toBeGreaterThan(3);
  });
});

test("erasure by the retention job reaches every read model the same way (SQLite)", async () => {
  world = await sqliteAuditWorld();
  const script = caseScript({ subject: SUBJECT });
  await lifeOfACase(script);
  await world.run({
    ...(script.close() as object),
    type: "CompleteAgreement",
    agreementId: "a-1",
  } as CaseCommand);
  await world.run(script.close("2025-04-01T00:00:00.000Z"));
  const built = await models();
  projector = await projectorOver(world, ...built.all);

  const summary = await runRetention(world, "2030-04-01T00:00:00.000Z");
  await settled(world, projector);

  expect(summary.subjectsErased).toBe(1);
  const after = await everythingShown(built, script.caseId);
  for (const text of PLAINTEXT) expect(after).not.toContain(text);
  for (const text of PLAINTEXT)
    expect(await reportShown(built, script.subjectId)).not.toContain(text);
  expect((await verifyAll(world.store)).broken).toEqual([]);
});
