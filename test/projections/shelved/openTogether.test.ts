import { afterEach, describe, expect, test } from "vitest";
import { ACCESS_LOG, openAccessLog } from "../../../src/projections/accessLog/accessLog.js";
import { createProjector, type Projector } from "../../../src/projections/projector.js";
import {
  type AuditWorld,
  covenantOfficer,
  postgresAuditWorld,
  settled,
} from "../../privacy/auditWorld.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { allPages, caseReadByAll } from "./shelfWorld.js";

const worlds: AuditWorld[] = [];
const projectors: Projector[] = [];
afterEach(async () => {
  await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

describe("processes starting together on one PostgreSQL database", () => {
  test("given two processes opening a shelved model at the same moment on an empty database, then they share one live copy and both keep answering as records arrive", async () => {
    // The race that failed CI: each registered a copy, and the second dropped the first's table.
    for (let round = 0; round < 5; round++) {
      // Given two processes on one fresh database
      const url = await freshDatabaseUrl();
      const a = await postgresAuditWorld(url);
      worlds.push(a);
      const b = await postgresAuditWorld(url);
      worlds.push(b);

      // When both open the access log at once and project what follows
      const [logA, logB] = await Promise.all([
        openAccessLog(a.modelTables),
        openAccessLog(b.modelTables),
      ]);
      const shelves = await a.modelTables.shelves(ACCESS_LOG.name);
      expect(shelves.map(({ generation, live }) => ({ generation, live }))).toEqual([
        { generation: 1, live: true },
      ]);
      const projectorA = createProjector({ ...a, models: [logA] });
      const projectorB = createProjector({ ...b, models: [logB] });
      projectors.push(projectorA, projectorB);
      await Promise.all([projectorA.start(), projectorB.start()]);
      await caseReadByAll(a, 10);
      await Promise.all([settled(a, projectorA), settled(b, projectorB)]);

      // Then both answer the three reads, from the one copy
      const covenant = await a.covenant();
      const answer = (log: typeof logA) =>
        allPages((page) => log.reads(covenantOfficer, covenant, {}, page));
      const [readsA, readsB] = await Promise.all([answer(logA), answer(logB)]);
      expect(readsA).toHaveLength(3);
      expect(readsB).toEqual(readsA);
      await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
      await Promise.all(worlds.splice(0).map((world) => world.close()));
    }
  }, 120_000);
});
