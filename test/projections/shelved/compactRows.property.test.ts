import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accessRecordsFrom, recordReads } from "../../../src/privacy/accessRecords.js";
import { ProcessingLedger } from "../../../src/privacy/processing/ledger.js";
import { processingActionsOf } from "../../../src/privacy/processing/processingActions.js";
import { type AccessLog, openAccessLog } from "../../../src/projections/accessLog/accessLog.js";
import {
  openProcessingLog,
  type ProcessingLog,
} from "../../../src/projections/processingLog/processingLog.js";
import type { Projector } from "../../../src/projections/projector.js";
import { COVENANT_ID, ORG } from "../../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  professional,
  projectorOver,
  settled,
  sqliteAuditWorld,
} from "../../privacy/auditWorld.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";

// The shelved logs keep in a row's JSON only what its columns do not hold, and make the
// record whole again when asked. Whatever a read record holds, the answer must be the record
// the event gives, field for field and in the same order.

const BASE_URL = "https://casustafel.test";
const hostile = fc.oneof(
  fc.constantFrom(...BUILTIN_NAMES, "", '"', "\\", "\u0000", "é", "🙂", "[erased]"),
  fc.string({ maxLength: 12 }),
);
const reading = fc.record({
  organisationId: fc.constantFrom(ORG.school, ORG.wijkteam, ORG.police),
  userId: hostile.filter((id) => id.length > 0),
  purpose: fc.constantFrom("casusoverleg", "werklijst", "privacytoezicht", "calamiteit"),
  correlationId: fc.option(hostile, { nil: undefined }),
  now: fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59.999Z") })
    .filter((date) => !Number.isNaN(date.getTime()))
    .map((date) => date.toISOString()),
  cases: fc.array(fc.array(hostile, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
});

let world: AuditWorld;
let projector: Projector;
let accessLog: AccessLog;
let processingLog: ProcessingLog;
const script = caseScript();

beforeAll(async () => {
  world = await sqliteAuditWorld();
  await caseWithPartners(world, script);
  accessLog = await openAccessLog(world.modelTables);
  processingLog = await openProcessingLog(world.modelTables, BASE_URL);
  projector = await projectorOver(world, accessLog, processingLog);
}, 60_000);

afterAll(async () => {
  await projector?.stop();
  await world?.close();
});

/** What the events in the store give, computed afresh from each event. */
async function fromTheEvents() {
  const ledger = new ProcessingLedger(BASE_URL);
  const reads = [];
  const actions = [];
  for (const event of await world.store.readAll()) {
    ledger.observe(event);
    reads.push(...accessRecordsFrom(event));
    actions.push(...processingActionsOf(event, ledger));
  }
  return { reads, actions };
}

describe("shelved rows kept compact", () => {
  test("given read records with hostile ids, items and times, when the logs are asked, then each record comes back whole and in its field order", async () => {
    await fc.assert(
      fc.asyncProperty(reading, async ({ organisationId, cases, ...read }) => {
        const seen = cases.map((itemIds) => ({
          caseId: script.caseId,
          subjectId: script.subjectId,
          covenantId: COVENANT_ID,
          itemIds,
        }));
        await recordReads(
          world.store,
          { ...read, actor: { ...professional(organisationId), userId: read.userId } },
          seen,
        );
        await settled(world, projector);
        const covenant = await world.covenant();
        const expected = await fromTheEvents();
        const reads = await accessLog.reads(covenantOfficer, covenant, {}, { limit: 1000 });
        expect(JSON.stringify(reads.items)).toBe(JSON.stringify(expected.reads));
        const actions = await processingLog.actions(covenantOfficer, covenant, {}, { limit: 1000 });
        expect(JSON.stringify(actions.items)).toBe(JSON.stringify(expected.actions));
        // The art. 15 report's reads come from the columns: a time that parses comes back as
        // the same instant in canonical form, one that does not as it was recorded.
        const mine = await accessLog.readsOfSubject(script.subjectId, COVENANT_ID);
        expect(mine).toEqual(
          expected.reads.map(({ readAt, organisationId, purpose, caseId }) => ({
            readAt: Number.isNaN(Date.parse(readAt)) ? readAt : new Date(readAt).toISOString(),
            organisationId,
            purpose,
            caseId,
          })),
        );
      }),
      { numRuns: 25 },
    );
    expect((await fromTheEvents()).actions.length).toBeGreaterThan(25);
  }, 120_000);
});
