import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { MASTER_KEY_BASE64, projectorOver, sqliteAuditWorld } from "../privacy/auditWorld.js";
import { caseReadByAll, officersAnswers, openShelves } from "../projections/shelved/shelfWorld.js";
import { tempStorePath } from "../store/sqlite/tempStore.js";

const run = promisify(execFile);
const temp = tempStorePath();
afterAll(() => temp.remove());

const rebuild = (model: string) =>
  run("npx", ["tsx", "src/cli/rebuild.ts", model], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      STORE: "sqlite",
      SQLITE_PATH: temp.path,
      DATA_DIR: `${temp.path}.data`,
      PUBLIC_URL: "https://casustafel.test",
      MASTER_KEY: MASTER_KEY_BASE64,
    },
  });

/** The officers' answers and the live copies, as a process opening the store finds them. */
async function shelvedState(subjects: string[]) {
  const world = await sqliteAuditWorld(temp.path);
  const shelves = await openShelves(world.modelTables);
  const projector = await projectorOver(world, shelves.accessLog, shelves.processingLog);
  const answers = await officersAnswers(shelves, await world.covenant(), subjects);
  const copies = [
    ...(await world.modelTables.shelves("accessLog")),
    ...(await world.modelTables.shelves("processingLog")),
  ];
  await projector.stop();
  await world.close();
  return { answers, generations: copies.map((copy) => copy.generation) };
}

test("npm run rebuild -- <model> builds a new copy of each shelved log and swaps to it, and the officers' answers stay the same", async () => {
  // Given a store whose shelved logs were built by the service
  const world = await sqliteAuditWorld(temp.path);
  const subjects = [(await caseReadByAll(world, 10)).subjectId];
  await world.close();
  const before = await shelvedState(subjects);
  expect(before.answers.includes("user-org-politie-professional")).toBe(true);

  // When each is rebuilt from the command line
  for (const model of ["accessLog", "processingLog"]) {
    const { stdout } = await rebuild(model);
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) as string);
    expect(summary).toMatchObject({ model, events: expect.any(Number) });
    expect(summary.events).toBeGreaterThan(0);
  }

  // Then a new copy of each answers, exactly as the old ones did
  const after = await shelvedState(subjects);
  expect(after.generations).toEqual(before.generations.map((generation) => generation + 1));
  expect(after.answers).toBe(before.answers);
}, 90_000);

test("npm run rebuild names the models it knows when asked for another, a built-in name among them", async () => {
  for (const model of ["caseView", "__proto__"]) {
    const failed = await rebuild(model).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining("accessLog") });
  }
}, 60_000);
