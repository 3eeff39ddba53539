import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { handleCaseCommand } from "../../src/commands/cases.js";
import type { CommandDeps } from "../../src/commands/handleCommand.js";
import { caseStreamId } from "../../src/domain/index.js";
import { ORG } from "../domain/fixtures.js";
import {
  caseScript,
  postgresWorld,
  secondProcess,
  type World,
} from "../projections/projectorWorld.js";
import { freshDatabaseUrl } from "../support/postgres.js";

const CASES = 2;
const WRITERS_PER_PROCESS = 4;
const WRITES_PER_WRITER = 6;

// Two stores on one database stand for two service processes: each keeps its own command
// queue, so their commands on one case really race, as behind a load balancer.
let a: World;
let b: Omit<World, "run">;
beforeAll(async () => {
  const url = await freshDatabaseUrl();
  a = await postgresWorld(url);
  b = await secondProcess(url);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe("commands without an expected revision, from two processes", () => {
  test("given 8 writers in two processes sharing on 2 cases at once, then every share is applied and none fails on a conflict", async () => {
    const scripts = Array.from({ length: CASES }, () => caseScript());
    for (const script of scripts) {
      for (const command of [script.open(), script.invite(ORG.wijkteam), script.join(ORG.wijkteam)])
        await a.run(command);
    }
    const processes: CommandDeps[] = [a, b];

    const outcomes = await Promise.allSettled(
      Array.from({ length: 2 * WRITERS_PER_PROCESS }, async (_, writer) => {
        const deps = processes[writer % 2]!;
        const script = scripts[Math.floor(writer / 2) % CASES]!;
        for (let n = 0; n < WRITES_PER_WRITER; n++) {
          await handleCaseCommand(deps, script.share({ content: `Schrijver ${writer}, ${n}` }));
        }
      }),
    );

    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    let shares = 0;
    for (const script of scripts) {
      const stream = await a.store.readStream(caseStreamId(script.caseId));
      shares += stream.filter((event) => event.type === "InformationShared").length;
    }
    expect(shares).toBe(2 * WRITERS_PER_PROCESS * WRITES_PER_WRITER);
  });
});
