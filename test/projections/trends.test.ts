import { afterEach, describe, expect, test } from "vitest";
import { type CaseCommand, NotPermitted } from "../../src/domain/index.js";
import type { Projector } from "../../src/projections/projector.js";
import { createTrends, type Trends } from "../../src/projections/trends/trends.js";
import { actor, COVENANT_ID, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  professional,
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

const chairViewer = actor(ORG.chair, "chair");
const analyst = actor(ORG.wijkteam, "analyst");

/** Opens a case per young person: each one's first signal, in a category, school and month. */
async function youngPeople(count: number, at: { category: string; school: string; month: string }) {
  for (let i = 0; i < count; i++) {
    const script = caseScript();
    await world.run(script.open({ ...at, at: `${at.month}-1${i}T10:00:00.000Z` }));
  }
}

async function trendsOver(): Promise<Trends> {
  const trends = createTrends();
  projector = await projectorOver(world, trends);
  await settled(world, projector);
  return trends;
}

describe("trends (rule 7)", () => {
  test("given five young people in a cell and four in another, then the first is counted and the second suppressed", async () => {
    world = await sqliteAuditWorld();
    await youngPeople(5, { category: "verzuim", school: "Het Baken", month: "2025-03" });
    await youngPeople(4, { category: "verzuim", school: "De Kring", month: "2025-03" });
    await youngPeople(1, { category: "verzuim", school: "Het Baken", month: "2025-04" });

    const report = (await trendsOver()).trends(chairViewer, await world.covenant());

    expect(report).toEqual({
      covenantId: COVENANT_ID,
      minimumCount: 5,
      cells: [
        { category: "verzuim", school: "De Kring", month: "2025-03", suppressed: true },
        { category: "verzuim", school: "Het Baken", month: "2025-03", suppressed: false, count: 5 },
        { category: "verzuim", school: "Het Baken", month: "2025-04", suppressed: true },
      ],
    });
    // A suppressed cell shows no number anywhere, and no total lets one be recomputed.
    expect(JSON.stringify(report)).not.toMatch(/"count":[1-4]\b/);
    expect(Object.keys(report)).toEqual(["covenantId", "minimumCount", "cells"]);
  });

  test("one young person with five signals stays suppressed: cells count people before they are shown", async () => {
    world = await sqliteAuditWorld();
    const script = caseScript();
    await world.run(script.open({ at: "2025-03-01T10:00:00.000Z" }));
    for (let i = 0; i < 4; i++) {
      await world.run({
        ...(script.open({ at: `2025-03-0${i + 2}T10:00:00.000Z` }) as object),
        signalId: `extra-${i}`,
      } as CaseCommand);
    }

    const report = (await trendsOver()).trends(analyst, await world.covenant());

    expect(report.cells).toEqual([
      { category: "verzuim", school: "Het Baken", month: "2025-03", suppressed: true },
    ]);
  });

  test("filters by month and category", async () => {
    world = await sqliteAuditWorld();
    await youngPeople(5, { category: "verzuim", school: "Het Baken", month: "2025-03" });
    await youngPeople(5, { category: "pesten", school: "Het Baken", month: "2025-04" });
    const trends = await trendsOver();
    const covenant = await world.covenant();

    expect(trends.trends(analyst, covenant, { fromMonth: "2025-04" }).cells).toEqual([
      { category: "pesten", school: "Het Baken", month: "2025-04", suppressed: false, count: 5 },
    ]);
    expect(trends.trends(analyst, covenant, { category: "verzuim" }).cells).toHaveLength(1);
  });

  test("professionals and privacy officers are refused; only chairs and analysts see trends", async () => {
    world = await sqliteAuditWorld();
    const trends = await trendsOver();
    const covenant = await world.covenant();

    expect(() => trends.trends(professional(ORG.school), covenant)).toThrow(NotPermitted);
    expect(() => trends.trends(actor(ORG.chair, "privacy-officer"), covenant)).toThrow(
      NotPermitted,
    );
    expect(trends.trends(chairViewer, covenant).cells).toEqual([]);
  });
});
