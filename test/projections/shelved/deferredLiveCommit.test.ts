import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, describe, expect, test } from "vitest";
import {
  createProjector,
  LIVE_COMMIT_EVENTS,
  type Projector,
} from "../../../src/projections/projector.js";
import { ShelvedModel } from "../../../src/projections/shelved/shelvedModel.js";
import { newEventId } from "../../../src/store/eventIds.js";
import { ORG } from "../../domain/fixtures.js";
import { waitUntil } from "../../store/contract/support.js";
import { caseScript, sqliteWorld, type World } from "../projectorWorld.js";
import { scratchModelTables, TYPES } from "./scratchTables.js";

// The rows of live events wait for company before they commit (a commit writes every page its
// rows touch), unless someone waits for them. Measured in bench/README.md, 3 December 2026.

let world: World | undefined;
let projector: Projector | undefined;
let scratch: ReturnType<typeof scratchModelTables> | undefined;
afterEach(async () => {
  await projector?.stop();
  scratch?.close();
  await world?.close();
  projector = undefined;
  scratch = undefined;
  world = undefined;
});

/** A projector over one shelved model, started on a store holding a case the wijkteam joined. */
async function started(liveCommitDelayMs: number) {
  world = await sqliteWorld();
  const script = caseScript();
  for (const command of [script.open(), script.invite(ORG.wijkteam), script.join(ORG.wijkteam)])
    await world.run(command);
  scratch = scratchModelTables();
  // The model notes what it was fed, so a test knows its rows are pending.
  let lastFed = 0n;
  const model = await ShelvedModel.open(scratch.tables, {
    ...TYPES,
    fold: () => {
      const { rowsOf } = TYPES.fold();
      return {
        rowsOf: (event) => {
          lastFed = event.position;
          return rowsOf(event);
        },
      };
    },
  });
  projector = createProjector({ ...world, models: [model], liveCommitDelayMs });
  await projector.start();
  const committedRows = async () =>
    (await model.query<{ n: number }>((table) => [`SELECT count(*) AS n FROM ${table}`, []]))[0]!.n;
  /** Resolves once the event at `position` was fed and the feed's turn is over. */
  const fed = async (position: bigint) => {
    await waitUntil(() => lastFed >= position, `position ${position} fed`);
    await nextTurn();
    return performance.now();
  };
  return { world, script, projector, model, committedRows, fed };
}

/** Read records of the case, `count` to an append, straight to the store: events without personal fields. */
async function readRecords(world: World, caseId: string, count: number) {
  const events = Array.from({ length: count }, () => ({
    eventId: newEventId(),
    type: "CaseContentRead",
    data: { caseId, itemIds: [] },
  }));
  return (await world.store.append(`access-${caseId}`, events, { expectedRevision: "any" }))
    .position;
}

describe("the live commit of shelved rows", () => {
  test("given nobody waits, when an event arrives, then its row is committed after the delay, not in the turn it was fed", async () => {
    // Given a projector whose live rows wait 300 ms
    const { world, script, projector, model, committedRows, fed } = await started(300);
    const before = await committedRows();

    // When an event is stored and fed
    const written = await world.run(script.share());
    const fedAt = await fed(written);

    // Then it is not committed yet, and is once the delay has passed
    expect(model.checkpoint).toBeLessThan(written);
    expect(await committedRows()).toBe(before);
    await waitUntil(() => model.checkpoint >= written, "the row committed");
    expect(performance.now() - fedAt).toBeGreaterThanOrEqual(250);
    expect(model.checkpoint).toBe(written);
    expect(await committedRows()).toBe(before + 1);
    expect(projector.position).toBe(written);
  });

  test("given a delay of a minute and an event fed, when someone waits for it, then the commit starts at once", async () => {
    // Given a projector whose live rows would wait a minute, and an event fed
    const { world, script, projector, model, fed } = await started(60_000);
    const written = await world.run(script.share());
    await fed(written);
    expect(model.checkpoint).toBeLessThan(written);

    // When a reader waits for it (an audit question, Min-Position)
    const waited = performance.now();
    const reached = await projector.waitFor(written, 5_000);

    // Then it is there well within the minute, committed with its row
    expect(reached).toBe(true);
    expect(performance.now() - waited).toBeLessThan(2_000);
    expect(model.checkpoint).toBe(written);
  });

  test("given a reader already waiting for a later position, when the event arrives, then it commits without the delay", async () => {
    // Given a projector whose live rows would wait a minute, and a reader waiting ahead
    const { world, script, projector } = await started(60_000);
    const waiting = projector.waitFor(projector.position + 1n, 5_000);

    // When the event is stored
    const written = await world.run(script.share());

    // Then the wait ends with it
    expect(await waiting).toBe(true);
    expect(projector.position).toBeGreaterThanOrEqual(written);
  });

  test(`given a delay of a minute, when ${LIVE_COMMIT_EVENTS} events arrive, then they commit without waiting for it`, async () => {
    // Given a projector whose live rows would wait a minute
    const { world, script, projector, model, fed } = await started(60_000);
    const first = projector.position;

    // When as many events as a commit gathers are stored, nobody waiting
    const gathered = await readRecords(world, script.caseId, LIVE_COMMIT_EVENTS);
    await waitUntil(() => model.checkpoint >= gathered, "the gathered rows committed");

    // Then they are committed without anyone waiting for the minute; one more waits again
    expect(gathered).toBe(first + BigInt(LIVE_COMMIT_EVENTS));
    expect(model.checkpoint).toBe(gathered);
    const beyond = await readRecords(world, script.caseId, 1);
    await fed(beyond);
    expect(model.checkpoint).toBe(gathered);
  });

  test("given rows waiting for the delay, when the projector stops, then they are committed", async () => {
    // Given an event fed and waiting for a minute's company
    const { world, script, projector, model, committedRows, fed } = await started(60_000);
    const before = await committedRows();
    const written = await world.run(script.share());
    await fed(written);

    // When the projector stops
    await projector.stop();

    // Then its row was committed with the checkpoint
    expect(model.checkpoint).toBe(written);
    expect(await committedRows()).toBe(before + 1);
  });
});
