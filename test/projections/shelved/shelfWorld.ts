import { afterAll } from "vitest";
import type { Actor, CovenantState } from "../../../src/domain/index.js";
import { recordAccess } from "../../../src/privacy/accessRecords.js";
import { type AccessLog, openAccessLog } from "../../../src/projections/accessLog/accessLog.js";
import {
  openProcessingLog,
  type ProcessingLog,
} from "../../../src/projections/processingLog/processingLog.js";
import type { ModelTables } from "../../../src/projections/shelved/modelTables.js";
import {
  FIRST_PAGE,
  type Page,
  type PageRequest,
} from "../../../src/projections/shelved/paging.js";
import { COVENANT_ID, ORG } from "../../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  postgresAuditWorld,
  privacyOfficer,
  professional,
  sqliteAuditWorld,
} from "../../privacy/auditWorld.js";
import { tempStorePath } from "../../store/sqlite/tempStore.js";
import { freshDatabaseUrl } from "../../support/postgres.js";

export const BASE_URL = "https://casustafel.test";

/** The shelved models as the service opens them. */
export interface Shelves {
  accessLog: AccessLog;
  processingLog: ProcessingLog;
}

export const openShelves = async (tables: ModelTables): Promise<Shelves> => ({
  accessLog: await openAccessLog(tables),
  processingLog: await openProcessingLog(tables, BASE_URL),
});

/** Every privacy officer there is: the covenant's, each member's, and one from outside. */
export const OFFICERS: Actor[] = [
  covenantOfficer,
  ...Object.values(ORG).map(privacyOfficer),
  privacyOfficer("org-elders"),
];

/** Every page of a paged answer, `limit` rows at a time, concatenated. */
export async function allPages<T>(
  ask: (page: PageRequest) => Promise<Page<T>>,
  limit = FIRST_PAGE.limit,
): Promise<T[]> {
  const items: T[] = [];
  let page = await ask({ limit });
  items.push(...page.items);
  while (page.next) {
    page = await ask({ limit, after: page.next });
    items.push(...page.items);
  }
  return items;
}

const refusedOr = <T>(answer: Promise<T>) =>
  answer.catch((error: Error) => `refused: ${error.name}`);

/**
 * What every privacy officer is shown: the access log whole and filtered, the processing log
 * by every subject and every activity that has records, read in pages of `limit`.
 */
export async function officersAnswers(
  shelves: Shelves,
  covenant: CovenantState,
  subjects: readonly string[],
  limit = 3,
): Promise<string> {
  const answers: unknown[] = [];
  const activities = [
    ...new Set(
      (await allPages((page) => shelves.processingLog.actions(covenantOfficer, covenant, {}, page)))
        .map((action) => action.record.attributes["dpl.core.processing_activity_id"] ?? "")
        .map((uri) => uri.replace(/\/versions\/\d+$/, "")),
    ),
  ];
  for (const officer of OFFICERS) {
    const reads = (filter = {}) =>
      refusedOr(
        allPages((page) => shelves.accessLog.reads(officer, covenant, filter, page), limit),
      );
    const actions = (query = {}) =>
      refusedOr(
        allPages((page) => shelves.processingLog.actions(officer, covenant, query, page), limit),
      );
    answers.push(await reads(), await reads({ organisationId: ORG.wijkteam }));
    answers.push(await reads({ from: "2025-03-12T00:00:00.000Z", to: "2025-04-02T00:00:00.000Z" }));
    for (const dataSubjectId of subjects) answers.push(await actions({ dataSubjectId }));
    for (const processingActivityId of activities)
      answers.push(await actions({ processingActivityId }));
  }
  return JSON.stringify(answers);
}

/** A case with its partners, read by each of them on its own day: reads and processing both grow. */
export async function caseReadByAll(world: AuditWorld, day: number) {
  const script = caseScript();
  await caseWithPartners(world, script);
  await world.run(script.shareWithLeerplicht());
  for (const [i, organisationId] of [ORG.school, ORG.wijkteam, ORG.police].entries()) {
    await recordAccess(world.store, {
      actor: professional(organisationId),
      caseId: script.caseId,
      subjectId: script.subjectId,
      covenantId: COVENANT_ID,
      itemIds: ["header", `share:${i}`],
      now: new Date(Date.UTC(2025, 2, day + i, 9)).toISOString(),
    });
  }
  return script;
}

/** Opens one store, again each time it is called: a process starting on it. */
export type StorePlace = () => Promise<AuditWorld>;

/**
 * The two stores a shelved model lives beside, for describe.each: an SQLite file of the test
 * file's own, and a fresh PostgreSQL database for each test that asks for its place.
 */
export function storePlaces(): [string, () => Promise<StorePlace>][] {
  const temp = tempStorePath();
  afterAll(() => temp.remove());
  return [
    ["SQLite", async () => () => sqliteAuditWorld(temp.path)],
    [
      "PostgreSQL",
      async () => {
        const url = freshDatabaseUrl();
        return async () => postgresAuditWorld(await url);
      },
    ],
  ];
}
