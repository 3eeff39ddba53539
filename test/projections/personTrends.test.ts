import { randomUUID } from "node:crypto";
import { afterEach, expect, test } from "vitest";
import { handlePersonCommand } from "../../src/commands/persons.js";
import type { CaseCommand } from "../../src/domain/index.js";
import type { Projector } from "../../src/projections/projector.js";
import { createTrends } from "../../src/projections/trends/trends.js";
import { actor, COVENANT_ID, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  projectorOver,
  settled,
  sqliteAuditWorld,
} from "../privacy/auditWorld.js";

let world: AuditWorld;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  await world.close();
});

const chair = actor(ORG.chair, "chair");
const AT = "2025-03-12T10:00:00.000Z";

async function opened() {
  const script = caseScript();
  await world.run(script.open({ category: "verzuim", at: AT }) as CaseCommand);
  return script;
}

test("given five case records of four young people, when two are merged, then the cell counts four persons and is left out entirely; undone, it is back", async () => {
  world = await sqliteAuditWorld();
  const records = [];
  for (let n = 0; n < 5; n++) records.push(await opened());
  const trends = createTrends();
  projector = await projectorOver(world, trends);
  await settled(world, projector);
  const cells = async () => trends.trends(chair, await world.covenant()).cells;
  expect((await cells()).map((cell) => cell.count)).toEqual([5]);

  // When the chair finds the last two records to be one young person
  const mergeId = randomUUID();
  const [first, second] = records.slice(3) as [(typeof records)[0], (typeof records)[0]];
  await handlePersonCommand(world, {
    type: "MergeSubjects",
    actor: chair,
    now: AT,
    mergeId,
    covenantId: COVENANT_ID,
    linked: [first, second].map(({ subjectId, caseId }) => ({ subject: subjectId, caseId })),
    erased: [],
    reason: "same-name-and-birth-date",
  });
  await settled(world, projector);

  // Then four distinct persons remain: below k = 5, the cell is not released at all
  expect(await cells()).toEqual([]);
  await projector.rebuild();
  expect(await cells()).toEqual([]);

  // And when the merge is undone, the five records are five young people again
  await handlePersonCommand(world, {
    type: "UndoMerge",
    actor: chair,
    now: AT,
    mergeId,
    covenantId: COVENANT_ID,
    reason: "different-young-persons",
  });
  await settled(world, projector);
  expect((await cells()).map((cell) => cell.count)).toEqual([5]);
});
