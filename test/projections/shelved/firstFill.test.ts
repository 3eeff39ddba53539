import { describe, expect, test } from "vitest";
import { recordAccess } from "../../../src/privacy/accessRecords.js";
import { ACCESS_LOG, openAccessLog } from "../../../src/projections/accessLog/accessLog.js";
import { COVENANT_ID, ORG } from "../../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  postgresAuditWorld,
  professional,
  projectorOver,
  sqliteAuditWorld,
} from "../../privacy/auditWorld.js";

// A start that fills a shelved model's first copy loads it without indexes and indexes it
// after the catch-up (one sort per index instead of growing each row by row). Nothing may ask
// it before: the projector indexes it before its start resolves.

const worlds: Record<string, () => Promise<AuditWorld>> = {
  sqlite: () => sqliteAuditWorld(),
  postgres: () => postgresAuditWorld(),
};

async function indexesOf(world: AuditWorld, table: string): Promise<string[]> {
  const [sql, params] =
    world.modelTables.dialect.name === "sqlite"
      ? ["SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [table]]
      : ["SELECT indexname AS name FROM pg_indexes WHERE tablename = $1", [table]];
  const rows = await world.modelTables.select<{ name: string }>(sql, params);
  // The primary key's own index is no index of the spec.
  return rows.map((row) => row.name).filter((name) => !/(^sqlite_autoindex|_pkey$)/.test(name));
}

describe.each(Object.keys(worlds))("a shelved model's first copy, on %s", (kind) => {
  test("given a store with read records and a model that has none, when the projector has started, then the copy holds them all and every index its spec names", async () => {
    const world = await worlds[kind]!();
    try {
      const script = caseScript();
      await caseWithPartners(world, script);
      for (let n = 0; n < 5; n++) {
        await recordAccess(world.store, {
          actor: professional(ORG.school),
          caseId: script.caseId,
          subjectId: script.subjectId,
          covenantId: COVENANT_ID,
          itemIds: ["header"],
          now: `2025-03-1${n}T09:00:00.000Z`,
        });
      }
      const log = await openAccessLog(world.modelTables);
      const [live] = await world.modelTables.shelves(ACCESS_LOG.name);
      const table = `${ACCESS_LOG.stem}_g${live!.generation}`;
      expect(await indexesOf(world, table)).toEqual([]);

      const projector = await projectorOver(world, log);
      try {
        const expected = ACCESS_LOG.indexes(table).map(
          (sql) => /INDEX IF NOT EXISTS (\S+)/.exec(sql)![1],
        );
        expect((await indexesOf(world, table)).sort()).toEqual(expected.sort());
        const reads = await log.readsOfSubject(script.subjectId, COVENANT_ID);
        expect(reads).toHaveLength(5);
      } finally {
        await projector.stop();
      }
    } finally {
      await world.close();
    }
  }, 60_000);
});
