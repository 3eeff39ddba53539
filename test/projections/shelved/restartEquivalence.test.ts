import { afterEach, describe, expect, test } from "vitest";
import type { Projector } from "../../../src/projections/projector.js";
import { type AuditWorld, projectorOver, settled } from "../../privacy/auditWorld.js";
import { scratchModelTables } from "./scratchTables.js";
import {
  caseReadByAll,
  officersAnswers,
  openShelves,
  type Shelves,
  storePlaces,
} from "./shelfWorld.js";

let world: AuditWorld | undefined;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  await world?.close();
});

/** The answers of a process that builds the models from START in tables of its own. */
async function fromScratch(subjects: string[]): Promise<string> {
  const scratch = scratchModelTables();
  const shelves = await openShelves(scratch.tables);
  const rebuilt = await projectorOver(world!, shelves.accessLog, shelves.processingLog);
  try {
    return await officersAnswers(shelves, await world!.covenant(), subjects);
  } finally {
    await rebuilt.stop();
    scratch.close();
  }
}

async function startProcess(open: () => Promise<AuditWorld>): Promise<Shelves> {
  world = await open();
  const shelves = await openShelves(world.modelTables);
  projector = await projectorOver(world, shelves.accessLog, shelves.processingLog);
  await settled(world, projector);
  return shelves;
}

async function stopProcess() {
  await projector?.stop();
  await world?.close();
  projector = undefined;
  world = undefined;
}

describe.each(storePlaces())("shelved models across a restart on %s", (_, place) => {
  test("given a restart, every privacy officer's answers are the same before and after, and after more events the restarted models answer as ones built from START", async () => {
    const open = await place();
    // Given cases read by every partner, projected and shelved by a first process
    let shelves = await startProcess(open);
    const subjects = [(await caseReadByAll(world!, 10)).subjectId];
    subjects.push((await caseReadByAll(world!, 20)).subjectId);
    await settled(world!, projector!);
    const before = await officersAnswers(shelves, await world!.covenant(), subjects);
    const checkpoint = (await world!.modelTables.shelves("accessLog"))[0]!.position;
    await stopProcess();

    // When a second process opens the same store
    shelves = await startProcess(open);

    // Then it resumes at the checkpoint and answers every officer exactly as before
    expect(shelves.accessLog.shelved?.checkpoint).toBe(checkpoint);
    expect(checkpoint).toBe(await world!.store.headPosition());
    expect(await officersAnswers(shelves, await world!.covenant(), subjects)).toBe(before);

    // And when more events arrive, it answers as models built from START would
    subjects.push((await caseReadByAll(world!, 30)).subjectId);
    await settled(world!, projector!);
    const after = await officersAnswers(shelves, await world!.covenant(), subjects);
    expect(after).not.toBe(before);
    expect(after).toBe(await fromScratch(subjects));
  }, 60_000);
});
