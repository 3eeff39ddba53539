import { afterEach, describe, expect, test } from "vitest";
import { createProjector, type Projector } from "../../../src/projections/projector.js";
import type { ReadModel } from "../../../src/projections/readModel.js";
import { type EventStore, isReadRecordStream } from "../../../src/store/eventStore.js";
import type { RecordedEvent } from "../../../src/store/types.js";
import { type AuditWorld, settled } from "../../privacy/auditWorld.js";
import {
  caseReadByAll,
  officersAnswers,
  openShelves,
  type Shelves,
  storePlaces,
} from "./shelfWorld.js";

// Issue 15: read records are most of a deployed store. A start reads past those before the
// shelved models' checkpoint, and no model in memory ever sees one, live or catching up.

/** An in-memory model that keeps the streams of the events it was given. */
function witness(): ReadModel & { streams: string[] } {
  const streams: string[] = [];
  return {
    name: "witness",
    streams,
    apply: (event) => void streams.push(event.streamId),
    reset: () => {
      streams.length = 0;
    },
  };
}

/** The store as the projector reads it, keeping every event its reads returned. */
function readsKept(store: EventStore): { store: EventStore; returned: RecordedEvent[] } {
  const returned: RecordedEvent[] = [];
  const kept =
    (read: EventStore["readAll"]): EventStore["readAll"] =>
    async (options) => {
      const page = await read.call(store, options);
      returned.push(...page);
      return page;
    };
  const counted = Object.create(store) as EventStore;
  counted.readAll = kept(store.readAll);
  counted.readAllExceptReadRecords = kept(store.readAllExceptReadRecords);
  return { store: counted, returned };
}

let world: AuditWorld | undefined;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  await world?.close();
  projector = world = undefined;
});

async function startProcess(open: () => Promise<AuditWorld>) {
  world = await open();
  const shelves: Shelves = await openShelves(world.modelTables);
  const seen = witness();
  const reads = readsKept(world.store);
  projector = createProjector({
    ...world,
    store: reads.store,
    models: [seen, shelves.accessLog, shelves.processingLog],
  });
  await projector.start();
  await settled(world, projector);
  return { shelves, seen, returned: reads.returned };
}

describe.each(storePlaces())("a start on %s", (_, place) => {
  test("given read records before the shelved checkpoint, when a process restarts, then it reads none of them again, answers as before, and no model in memory ever sees a read record", async () => {
    const open = await place();
    // Given two cases read by all their partners, projected and shelved by a first process
    let process = await startProcess(open);
    const subjects = [(await caseReadByAll(world!, 10)).subjectId];
    subjects.push((await caseReadByAll(world!, 20)).subjectId);
    await settled(world!, projector!);
    const before = await officersAnswers(process.shelves, await world!.covenant(), subjects);
    const caseWork = process.seen.streams.length;
    expect(caseWork).toBeGreaterThan(0);
    expect(process.seen.streams.filter(isReadRecordStream)).toEqual([]);
    const checkpoint = process.shelves.accessLog.shelved!.checkpoint;
    await projector!.stop();
    await world!.close();

    // When a second process starts on the same store
    process = await startProcess(open);

    // Then it read no read record at or before the checkpoint, only the case work
    const again = process.returned.filter((e) => isReadRecordStream(e.streamId));
    expect(again.filter((e) => e.position <= checkpoint)).toEqual([]);
    expect(process.seen.streams).toHaveLength(caseWork);
    // And its shelved models answer every privacy officer as before
    expect(await officersAnswers(process.shelves, await world!.covenant(), subjects)).toBe(before);

    // And live read records reach the shelved models, never the one in memory
    subjects.push((await caseReadByAll(world!, 30)).subjectId);
    await settled(world!, projector!);
    expect(process.seen.streams.filter(isReadRecordStream)).toEqual([]);
    const reads = await process.shelves.accessLog.readsOfSubject(
      subjects[2]!,
      (await world!.covenant()).covenantId!,
    );
    expect(reads).toHaveLength(3);
  }, 60_000);
});
