import { afterAll, expect, test } from "vitest";
import { appendLoadProbes } from "../../support/loadProbes.js";
import { startTestService, type TestService } from "../support/service.js";
import { watchPlannerPages } from "./scenario.js";

const EVENTS = 60_000;
let service: TestService | undefined;
afterAll(() => service?.close());

test("Given 60,000 events no notice was ever planned for, when the service starts, then its planner reads them with turns of the event loop between pages", async () => {
  const before = await startTestService("sqlite", { seedDemo: true });
  await appendLoadProbes(before.service.system.store, EVENTS);
  // The files stay: the next service starts on them.
  await before.service.close();

  let turns = 0;
  const ticking = setInterval(() => turns++, 0);
  // The turns counted when each of the planner's pages was asked for.
  const turnsAtPage: number[] = [];
  const watched = watchPlannerPages(() => turnsAtPage.push(turns));
  try {
    service = await startTestService("sqlite", { env: { DATA_DIR: before.config.dataDir } });
    const deadline = Date.now() + 30_000;
    while (turnsAtPage.length < EVENTS / 1_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(turnsAtPage.length).toBeGreaterThanOrEqual(EVENTS / 1_000);
    // A planner that never yields asks for every page within one turn.
    expect(turnsAtPage.at(-1)!).toBeGreaterThan(turnsAtPage[0]!);
  } finally {
    watched.mockRestore();
    clearInterval(ticking);
  }
}, 120_000);
