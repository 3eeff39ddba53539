import { randomUUID } from "node:crypto";
import { afterEach, expect, test } from "vitest";
import { handlePersonCommand } from "../../src/commands/persons.js";
import { runRetention } from "../../src/commands/retention/job.js";
import { subjectStreamId } from "../../src/domain/index.js";
import { actor, COVENANT_ID, ORG } from "../domain/fixtures.js";
import { type AuditWorld, caseScript, sqliteAuditWorld } from "./auditWorld.js";

// Closed on 2025-03-10 with the default term: five years of retention.
const CLOSED_AT = "2025-03-10T10:00:00.000Z";
const AFTER = "2030-03-10T10:00:01.000Z";
const chair = actor(ORG.chair, "chair");

let world: AuditWorld;
afterEach(async () => {
  await world?.close();
});

async function caseOf(closed: boolean) {
  const script = caseScript();
  await world.run(script.open());
  await world.run(script.invite("org-wijkteam"));
  await world.run(script.join("org-wijkteam"));
  await world.run(script.share());
  if (closed) await world.run(script.close(CLOSED_AT));
  return script;
}

const merge = async (records: ReturnType<typeof caseScript>[], mergeId = randomUUID()) => {
  await handlePersonCommand(world, {
    type: "MergeSubjects",
    actor: chair,
    now: CLOSED_AT,
    mergeId,
    covenantId: COVENANT_ID,
    linked: records.map(({ subjectId, caseId }) => ({ subject: subjectId, caseId })),
    erased: [],
    reason: "confirmed-by-partner",
  });
  return mergeId;
};
const erased = async (subjectId: string) =>
  (await world.store.readStream(subjectStreamId(subjectId))).some(
    (event) => event.type === "SubjectErased",
  );

test("given a young person with a case past retention and a merged record whose case is open, when the job runs, then neither record is erased", async () => {
  world = await sqliteAuditWorld();
  const past = await caseOf(true);
  const open = await caseOf(false);
  await merge([past, open]);

  const summary = await runRetention(world, AFTER);

  expect(summary).toMatchObject({ subjectsErased: 0, subjectsHeld: 1 });
  expect(await erased(past.subjectId)).toBe(false);
  expect(await erased(open.subjectId)).toBe(false);
});

test("given every case of a merged young person past retention, when the job runs, then every record of them is erased", async () => {
  world = await sqliteAuditWorld();
  const records = [await caseOf(true), await caseOf(true), await caseOf(true)];
  await merge(records.slice(0, 2));
  await merge(records.slice(1));

  const summary = await runRetention(world, AFTER);

  expect(summary).toMatchObject({ subjectsErased: 3, casesErased: 3, subjectsHeld: 0 });
  for (const record of records) expect(await erased(record.subjectId)).toBe(true);
});

test("given a merge undone, when the job runs, then the record past retention is erased on its own and the open one stays", async () => {
  world = await sqliteAuditWorld();
  const past = await caseOf(true);
  const open = await caseOf(false);
  const mergeId = await merge([past, open]);
  await handlePersonCommand(world, {
    type: "UndoMerge",
    actor: chair,
    now: CLOSED_AT,
    mergeId,
    covenantId: COVENANT_ID,
    reason: "different-young-persons",
  });

  const summary = await runRetention(world, AFTER);

  expect(summary).toMatchObject({ subjectsErased: 1, subjectsHeld: 0 });
  expect(await erased(past.subjectId)).toBe(true);
  expect(await erased(open.subjectId)).toBe(false);
});
