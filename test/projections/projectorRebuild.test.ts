import { afterEach, describe, expect, test } from "vitest";
import type { Actor } from "../../src/domain/index.js";
import { type CaseReadModels, createCaseReadModels } from "../../src/projections/caseModels.js";
import { createProjector, type Projector } from "../../src/projections/projector.js";
import { actor, chair, ORG } from "../domain/fixtures.js";
import {
  caseScript,
  commonCase,
  postgresWorld,
  professional,
  sqliteWorld,
  type World,
} from "./projectorWorld.js";

const NOW = "2025-03-12T09:00:00.000Z";
const VIEWERS: Actor[] = [
  chair,
  ...Object.values(ORG).map((id) => professional(id)),
  actor(ORG.wijkteam, "privacy-officer"),
];

/** Everything the case-side models answer, for every viewer: the rebuilt models must answer the same. */
function answers(models: CaseReadModels, caseIds: string[]) {
  return VIEWERS.map((viewer) => ({
    cases: caseIds.map((caseId) => models.caseView.query(caseId, viewer, NOW)),
    list: models.caseList.query(viewer, NOW),
    open: models.agreementsDue.query(viewer, NOW, "open"),
    overdue: models.agreementsDue.query(viewer, NOW, "overdue"),
  }));
}

let world: World;
const projectors: Projector[] = [];
afterEach(async () => {
  for (const projector of projectors.splice(0)) await projector.stop();
  await world?.close();
});

async function follow(models: CaseReadModels) {
  const projector = createProjector({ ...world, models: models.all, pageSize: 7 });
  projectors.push(projector);
  await projector.start();
  return projector;
}

describe.each([
  ["SQLite", () => sqliteWorld()],
  ["PostgreSQL", () => postgresWorld()],
])("rebuilding from zero on %s", (_, open) => {
  test("every case read model rebuilt from zero, in place or in a new process, answers as the live one", async () => {
    // Given read models that followed a history live: cases, a leave and rejoin, a correction
    world = await open();
    const live = createCaseReadModels();
    const projector = await follow(live);
    const first = await commonCase(world);
    const second = await commonCase(world);
    const third = caseScript();
    for (const command of [
      third.open(),
      third.invite(ORG.wijkteam),
      third.join(ORG.wijkteam),
      third.share({ shareId: "share-third" }),
      third.leave(ORG.wijkteam),
      third.invite(ORG.wijkteam),
      third.join(ORG.wijkteam),
      {
        caseId: third.caseId,
        now: NOW,
        type: "CorrectShare" as const,
        actor: professional(ORG.school),
        shareId: "share-third",
        content: "Gecorrigeerd",
        reason: "Verkeerde dag",
      },
    ])
      await world.run(command);
    const head = await world.store.headPosition();
    expect(await projector.waitFor(head, 10_000)).toBe(true);
    const caseIds = [first.caseId, second.caseId, third.caseId];
    const before = answers(live, caseIds);
    expect(JSON.stringify(before)).toContain("Gecorrigeerd");

    // When every model is rebuilt in place, and a second set is built by a new projector
    await projector.rebuild();
    const fresh = createCaseReadModels();
    await follow(fresh);

    // Then both answer exactly as the live models did
    expect(answers(live, caseIds)).toEqual(before);
    expect(answers(fresh, caseIds)).toEqual(before);
    expect(await projector.caughtUp()).toBe(true);
  });
});
