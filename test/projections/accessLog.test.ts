import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NotPermitted } from "../../src/domain/index.js";
import { recordAccess } from "../../src/privacy/accessRecords.js";
import { type AccessLog, openAccessLog } from "../../src/projections/accessLog/accessLog.js";
import type { Projector } from "../../src/projections/projector.js";
import { COVENANT_ID, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  postgresAuditWorld,
  privacyOfficer,
  professional,
  projectorOver,
  settled,
} from "../privacy/auditWorld.js";

let world: AuditWorld;
let projector: Projector;
let log: AccessLog;
let first: ReturnType<typeof caseScript>;
let second: ReturnType<typeof caseScript>;

const readBy = (organisationId: string, script: ReturnType<typeof caseScript>, now: string) =>
  recordAccess(world.store, {
    actor: professional(organisationId),
    caseId: script.caseId,
    subjectId: script.subjectId,
    covenantId: COVENANT_ID,
    itemIds: ["header"],
    now,
  });

beforeAll(async () => {
  // Given two cases on PostgreSQL, read by the school, the wijkteam and the police
  world = await postgresAuditWorld();
  first = caseScript();
  second = caseScript();
  await caseWithPartners(world, first);
  await caseWithPartners(world, second);
  log = await openAccessLog(world.modelTables);
  projector = await projectorOver(world, log);
  await readBy(ORG.school, first, "2025-03-11T09:00:00.000Z");
  await readBy(ORG.wijkteam, first, "2025-03-12T09:00:00.000Z");
  await readBy(ORG.wijkteam, second, "2025-04-01T09:00:00.000Z");
  await readBy(ORG.police, second, "2025-04-02T09:00:00.000Z");
  await settled(world, projector);
});

afterAll(async () => {
  await projector.stop();
  await world.close();
});

const readers = async (viewer: Parameters<AccessLog["reads"]>[0], filter = {}) =>
  (await log.reads(viewer, await world.covenant(), filter)).items.map(
    (read) => read.organisationId,
  );

describe("access log (rule 5)", () => {
  test("the covenant's privacy officer sees every read, oldest first, with who, what, why and when", async () => {
    const { items: reads, next } = await log.reads(covenantOfficer, await world.covenant());

    expect(next).toBeNull();
    expect(reads.map((read) => read.organisationId)).toEqual([
      ORG.school,
      ORG.wijkteam,
      ORG.wijkteam,
      ORG.police,
    ]);
    expect(reads[0]).toMatchObject({
      caseId: first.caseId,
      subjectId: first.subjectId,
      userId: professional(ORG.school).userId,
      roles: ["professional"],
      itemIds: ["header"],
      purpose: "casusoverleg",
      readAt: "2025-03-11T09:00:00.000Z",
    });
  });

  test("an organisation's privacy officer sees the reads by its own users only", async () => {
    expect(await readers(privacyOfficer(ORG.wijkteam))).toEqual([ORG.wijkteam, ORG.wijkteam]);
    expect(await readers(privacyOfficer(ORG.police))).toEqual([ORG.police]);
    expect(await readers(privacyOfficer(ORG.jeugdhulp))).toEqual([]);
  });

  test("professionals, chairs and outside privacy officers are refused", async () => {
    const covenant = await world.covenant();
    await expect(log.reads(professional(ORG.wijkteam), covenant)).rejects.toThrow(NotPermitted);
    await expect(log.reads({ ...covenantOfficer, roles: ["chair"] }, covenant)).rejects.toThrow(
      NotPermitted,
    );
    await expect(log.reads(privacyOfficer("org-elders"), covenant)).rejects.toThrow(NotPermitted);
  });

  test("filters by case, reading organisation and period", async () => {
    expect(await readers(covenantOfficer, { caseId: second.caseId })).toEqual([
      ORG.wijkteam,
      ORG.police,
    ]);
    expect(await readers(covenantOfficer, { organisationId: ORG.school })).toEqual([ORG.school]);
    const april = { from: "2025-04-01T00:00:00.000Z", to: "2025-04-02T00:00:00.000Z" };
    expect(await readers(covenantOfficer, april)).toEqual([ORG.wijkteam]);
    expect(await readers(privacyOfficer(ORG.police), { organisationId: ORG.school })).toEqual([]);
  });

  test("rebuilding from zero gives what the live log holds", async () => {
    const covenant = await world.covenant();
    const live = await log.reads(covenantOfficer, covenant);

    await projector.rebuild("accessLog");

    expect(await log.reads(covenantOfficer, covenant)).toEqual(live);
  });
});
