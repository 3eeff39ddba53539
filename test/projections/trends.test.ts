import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { handleCovenantCommand } from "../../src/commands/covenants.js";
import { type CaseCommand, NotPermitted } from "../../src/domain/index.js";
import type { Projector } from "../../src/projections/projector.js";
import { createTrends, type Trends } from "../../src/projections/trends/trends.js";
import { actor, COVENANT_ID, covenantCommandOf, member, ORG } from "../domain/fixtures.js";
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
const PRIMARY = "org-basisschool";
const FREE_TEXT_SCHOOL = "Het Baken";

/** A second school joins the covenant: a primary school. */
async function admitPrimarySchool() {
  await handleCovenantCommand(
    world,
    covenantCommandOf({
      type: "AdmitMember",
      member: { ...member(ORG.school), organisationId: PRIMARY, partnerKind: "school-po" },
    }),
  );
}

/** Opens a case per young person, by `raisedBy`: each one's first signal, in a category and month. */
async function youngPeople(
  count: number,
  at: { category: string; month: string; raisedBy?: string },
): Promise<ReturnType<typeof caseScript>[]> {
  const scripts = [];
  for (let i = 0; i < count; i++) {
    const script = caseScript();
    const opening = script.open({ ...at, at: `${at.month}-1${i}T10:00:00.000Z` });
    await world.run({ ...opening, actor: professional(at.raisedBy ?? ORG.school) } as CaseCommand);
    scripts.push(script);
  }
  return scripts;
}

async function trendsOver(): Promise<Trends> {
  const trends = createTrends();
  projector = await projectorOver(world, trends);
  await settled(world, projector);
  return trends;
}

const cell = (school: string | null, count: number, month = "2025-03", category = "verzuim") => ({
  category,
  school,
  schoolName: school === null ? null : `Organisatie ${ORG.school}`,
  month,
  count,
});

describe("trends (rule 7)", () => {
  test("given five young people at one school and four at another, then only the first cell is published; the other is left out entirely", async () => {
    world = await sqliteAuditWorld();
    await admitPrimarySchool();
    await youngPeople(5, { category: "verzuim", month: "2025-03" });
    await youngPeople(4, { category: "verzuim", month: "2025-03", raisedBy: PRIMARY });
    await youngPeople(1, { category: "verzuim", month: "2025-04" });

    const report = (await trendsOver()).trends(chairViewer, await world.covenant());

    expect(report).toEqual({
      covenantId: COVENANT_ID,
      minimumCount: 5,
      cells: [cell(ORG.school, 5)],
    });
    // Nothing tells that a smaller cell exists: no marker, no total, no other school.
    expect(JSON.stringify(report)).not.toContain(PRIMARY);
    expect(JSON.stringify(report)).not.toContain("suppressed");
  });

  test("cells count different young people: one young person with five signals is left out", async () => {
    world = await sqliteAuditWorld();
    const script = caseScript();
    await world.run(script.open({ at: "2025-03-01T10:00:00.000Z" }));
    for (let i = 0; i < 4; i++) {
      await world.run({
        ...(script.open({ at: `2025-03-0${i + 2}T10:00:00.000Z` }) as object),
        signalId: `extra-${i}`,
      } as CaseCommand);
    }
    await youngPeople(4, { category: "verzuim", month: "2025-03" });

    const report = (await trendsOver()).trends(analyst, await world.covenant());

    expect(report.cells).toEqual([cell(ORG.school, 5)]);
  });

  test("the school is the member organisation, never the subject's free-text school", async () => {
    world = await sqliteAuditWorld();
    await youngPeople(5, { category: "verzuim", month: "2025-03" });

    const report = (await trendsOver()).trends(analyst, await world.covenant());

    expect(report.cells.map((c) => c.school)).toEqual([ORG.school]);
    expect(JSON.stringify(report)).not.toContain(FREE_TEXT_SCHOOL);
  });

  test("a case the police opened counts without a school until a school joins it, then for that school", async () => {
    world = await sqliteAuditWorld();
    const cases = await youngPeople(5, {
      category: "verzuim",
      month: "2025-03",
      raisedBy: ORG.police,
    });
    const trends = await trendsOver();
    const covenant = await world.covenant();
    expect(trends.trends(analyst, covenant).cells).toEqual([cell(null, 5)]);

    for (const script of cases) {
      await world.run(script.invite(ORG.school));
      await world.run(script.join(ORG.school));
    }
    await settled(world, projector as Projector);

    expect(trends.trends(analyst, covenant).cells).toEqual([cell(ORG.school, 5)]);
  });

  test("filters by month and category", async () => {
    world = await sqliteAuditWorld();
    await youngPeople(5, { category: "verzuim", month: "2025-03" });
    await youngPeople(5, { category: "pesten", month: "2025-04" });
    const trends = await trendsOver();
    const covenant = await world.covenant();

    expect(trends.trends(analyst, covenant, { fromMonth: "2025-04" }).cells).toEqual([
      cell(ORG.school, 5, "2025-04", "pesten"),
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

  test("a young person with two cases in the same cell is counted once", async () => {
    world = await sqliteAuditWorld();
    const subjectId = randomUUID();
    for (const day of ["01", "02"]) {
      await world.run(caseScript({ subjectId }).open({ at: `2025-03-${day}T10:00:00.000Z` }));
    }
    await youngPeople(4, { category: "verzuim", month: "2025-03" });

    expect((await trendsOver()).trends(analyst, await world.covenant()).cells).toEqual([
      cell(ORG.school, 5),
    ]);
  });
});
