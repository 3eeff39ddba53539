import { spawn } from "node:child_process";
import { afterAll, describe, expect, test } from "vitest";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  MASTER_KEY_BASE64,
  postgresAuditWorld,
  projectorOver,
  settled,
  sqliteAuditWorld,
} from "../../privacy/auditWorld.js";
import { tempStorePath } from "../../store/sqlite/tempStore.js";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { scratchModelTables } from "./scratchTables.js";
import { allPages, officersAnswers, openShelves } from "./shelfWorld.js";

const temps: ReturnType<typeof tempStorePath>[] = [];
afterAll(() => {
  for (const temp of temps) temp.remove();
});
const newStoreFile = async () => {
  const temp = tempStorePath();
  temps.push(temp);
  return temp.path;
};

/** Runs the child until it has acknowledged `count` reads (or kills itself), then SIGKILLs it. */
async function projectThenKill(args: string[], count: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/projections/shelved/projectUntilKilled.ts", ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, MASTER_KEY: MASTER_KEY_BASE64 },
    },
  );
  let output = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_, signal) => resolve(signal)),
  );
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.split("\n").length > count) child.kill("SIGKILL");
  });
  expect(await exited).toBe("SIGKILL");
  // The last line may be cut short: only whole lines were acknowledged.
  return output.split("\n").slice(0, -1);
}

/** The officers' answers of models built from START in tables of their own. */
async function fromScratch(world: AuditWorld, subjects: string[]) {
  const scratch = scratchModelTables();
  const shelves = await openShelves(scratch.tables);
  const projector = await projectorOver(world, shelves.accessLog, shelves.processingLog);
  const answers = await officersAnswers(shelves, await world.covenant(), subjects, 1000);
  await projector.stop();
  scratch.close();
  return answers;
}

describe.each([
  ["SQLite", "sqlite", newStoreFile, sqliteAuditWorld],
  ["PostgreSQL", "postgres", () => freshDatabaseUrl(), postgresAuditWorld],
] as const)("a projection killed with SIGKILL on %s", (_, kind, placeOf, open) => {
  test.each([
    ["right after a burst of reads is acknowledged, before its rows and checkpoint commit", "self"],
    ["by the parent while it records and projects", "parent"],
  ])(
    "given a process killed %s, when the store is reopened, then no read is lost and none repeated",
    async (__, mode) => {
      // Given a case, and a process projecting the shelved logs while it records reads of it
      const place = await placeOf();
      let world = await open(place);
      const script = caseScript();
      await caseWithPartners(world, script);
      await world.close();
      const acknowledged = await projectThenKill(
        [kind, place, script.caseId, script.subjectId, mode],
        mode === "self" ? Number.MAX_SAFE_INTEGER : 150,
      );

      // When a new process opens the same store and resumes the shelved logs
      world = await open(place);
      const stopped = (await world.modelTables.shelves("accessLog"))[0]!.position;
      const head = await world.store.headPosition();
      if (mode === "self") expect(stopped).toBeLessThan(head);
      const shelves = await openShelves(world.modelTables);
      const projector = await projectorOver(world, shelves.accessLog, shelves.processingLog);
      await settled(world, projector);

      // Then every acknowledged read is in the log once, and the logs answer as built from START
      const covenant = await world.covenant();
      const reads = await allPages((page) =>
        shelves.accessLog.reads(covenantOfficer, covenant, { caseId: script.caseId }, page),
      );
      expect(reads.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(new Set(reads.map((read) => read.readId)).size).toBe(reads.length);
      const answers = await officersAnswers(shelves, covenant, [script.subjectId], 1000);
      expect(answers).toBe(await fromScratch(world, [script.subjectId]));
      await projector.stop();
      await world.close();
    },
    90_000,
  );
});
