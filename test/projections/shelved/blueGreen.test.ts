import { setImmediate as setImmediatePromise } from "node:timers/promises";
import { afterEach, describe, expect, test } from "vitest";
import { recordAccess } from "../../../src/privacy/accessRecords.js";
import { ACCESS_LOG, openAccessLog } from "../../../src/projections/accessLog/accessLog.js";
import { createProjector, type Projector } from "../../../src/projections/projector.js";
import { COVENANT_ID, ORG } from "../../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  professional,
  settled,
} from "../../privacy/auditWorld.js";
import { allPages, storePlaces } from "./shelfWorld.js";

let world: AuditWorld | undefined;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  await world?.close();
});

/** `count` reads of the case, recorded fifty at a time. */
async function reads(script: ReturnType<typeof caseScript>, count: number) {
  for (let n = 0; n < count; n += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAccess(world!.store, {
          actor: professional([ORG.school, ORG.wijkteam, ORG.police][(n + i) % 3]!),
          caseId: script.caseId,
          subjectId: script.subjectId,
          covenantId: COVENANT_ID,
          itemIds: ["header"],
          now: new Date(Date.UTC(2025, 5, 1) + (n + i) * 1000).toISOString(),
        }),
      ),
    );
  }
}

describe.each(storePlaces())("a new version of a shelved model on %s", (_, place) => {
  test("given a model whose version changed, when the service starts, then it answers from the old copy while the new one is built beside it, and the same after the swap", async () => {
    // Given an access log of 1,500 reads, shelved by version 1
    const open = await place();
    world = await open();
    const script = caseScript();
    await caseWithPartners(world, script);
    await reads(script, 1500);
    const first = await openAccessLog(world.modelTables);
    projector = createProjector({ ...world, models: [first] });
    await projector.start();
    const covenant = await world.covenant();
    const answer = (log: typeof first) =>
      allPages((page) => log.reads(covenantOfficer, covenant, {}, page), 400);
    const before = await answer(first);
    await projector.stop();

    // When a process with version 2 of the model starts
    const bumped = { ...ACCESS_LOG, version: ACCESS_LOG.version + 1 };
    const second = await openAccessLog(world.modelTables, bumped);
    expect(second.shelved?.stale).toBe(true);
    projector = createProjector({ ...world, models: [second], pageSize: 100 });
    await projector.start();

    // Then requests during the rebuild succeed and answer as before
    let swapped = false;
    const rebuilt = projector.swapped().then(() => {
      swapped = true;
    });
    let during = 0;
    while (!swapped) {
      expect(await answer(second)).toEqual(before);
      during++;
      // A request comes as I/O, in a turn of its own: queries read synchronously would
      // otherwise keep this loop in one turn and starve the rebuild.
      await setImmediatePromise();
    }
    await rebuilt;
    expect(during).toBeGreaterThan(0);

    // And after the swap the new copy is the only one, answers the same and follows the store
    const shelves = await world.modelTables.shelves(ACCESS_LOG.name);
    expect(shelves.map(({ version, live }) => ({ version, live }))).toEqual([
      { version: bumped.version, live: true },
    ]);
    expect(await answer(second)).toEqual(before);
    await reads(script, 50);
    await settled(world, projector);
    expect((await answer(second)).length).toBe(before.length + 50);
  }, 120_000);
});
