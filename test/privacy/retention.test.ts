import { afterEach, describe, expect, test } from "vitest";
import {
  createRetentionJob,
  RETENTION_APPLIED,
  RETENTION_STREAM,
  runRetention,
} from "../../src/commands/retention/job.js";
import { startRetentionSchedule } from "../../src/commands/retention/schedule.js";
import { caseStreamId, ERASED, subjectStreamId } from "../../src/domain/index.js";
import { readDecodedStream } from "../../src/privacy/codec/readDecoded.js";
import { appendLoadProbes } from "../support/loadProbes.js";
import { type AuditWorld, caseScript, sqliteAuditWorld } from "./auditWorld.js";

// Closed on 2025-03-10 with a share for "veiligheid-school": five years of retention.
const CLOSED_AT = "2025-03-10T10:00:00.000Z";
const RETENTION_ENDS = "2030-03-10T10:00:00.000Z";
const AFTER = "2030-03-10T10:00:01.000Z";

let world: AuditWorld;
afterEach(async () => {
  await world?.close();
});

/** A case the school opened and shared in, then closed: retention ends five years later. */
async function sharedAndClosed(subjectId?: string) {
  const script = caseScript({ subjectId });
  await world.run(script.open());
  await world.run(script.invite("org-wijkteam"));
  await world.run(script.join("org-wijkteam"));
  await world.run(script.share());
  await world.run(script.close(CLOSED_AT));
  return script;
}

const subjectEvents = (subjectId: string) => world.store.readStream(subjectStreamId(subjectId));
const subjectName = async (caseId: string) => {
  const [opened] = await readDecodedStream(world.store, world.codec, caseStreamId(caseId));
  return (opened?.data.subject as { name: string } | undefined)?.name;
};

describe("retention", () => {
  test("given 60,000 events before the first run, when the job reads them, then the event loop gets turns while it reads", async () => {
    world = await sqliteAuditWorld();
    await sharedAndClosed();
    await appendLoadProbes(world.store, 60_000);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      // Nothing is due yet: the run only reads.
      const summary = await runRetention(world, CLOSED_AT);
      expect(summary.subjectsErased).toBe(0);
      expect(turns).toBeGreaterThan(0);
    } finally {
      clearInterval(ticking);
    }
  }, 60_000);

  test("given a case closed longer ago than its retention, when the job runs, then its subject is erased and the run recorded", async () => {
    world = await sqliteAuditWorld();
    const script = await sharedAndClosed();
    const closed = (await world.store.readStream(caseStreamId(script.caseId))).at(-1);
    expect(closed?.data.retentionUntil).toBe(RETENTION_ENDS);

    const summary = await runRetention(world, AFTER);

    expect(summary).toMatchObject({
      subjectsErased: 1,
      casesErased: 1,
      subjectsHeld: 0,
      failures: [],
    });
    const [erased] = await subjectEvents(script.subjectId);
    expect(erased?.data).toEqual({
      subjectId: script.subjectId,
      caseIds: [script.caseId],
      reason: "retention",
      erasedAt: AFTER,
      erasedBy: null,
    });
    expect(await subjectName(script.caseId)).toBe(ERASED);
    const [run] = await world.store.readStream(RETENTION_STREAM);
    expect(run?.type).toBe(RETENTION_APPLIED);
    expect(run?.data).toMatchObject({ subjectIds: [script.subjectId], caseIds: [script.caseId] });
  });

  test("given retention not yet ended (one second before), when the job runs, then nothing is erased", async () => {
    world = await sqliteAuditWorld();
    const script = await sharedAndClosed();
    const head = await world.store.headPosition();

    const summary = await runRetention(world, "2030-03-10T09:59:59.000Z");

    expect(summary.subjectsErased).toBe(0);
    expect(await world.store.headPosition()).toBe(head);
    expect(await subjectName(script.caseId)).toBe("Sam de Vries");
  });

  test("given the subject has another open case, when the job runs, then the subject is kept", async () => {
    world = await sqliteAuditWorld();
    const ended = await sharedAndClosed();
    const other = caseScript({ subjectId: ended.subjectId });
    await world.run(other.open());

    const summary = await runRetention(world, AFTER);

    expect(summary).toMatchObject({ subjectsErased: 0, subjectsHeld: 1 });
    expect(await subjectEvents(ended.subjectId)).toEqual([]);
    expect(await subjectName(ended.caseId)).toBe("Sam de Vries");
  });

  test("given the subject's other case is closed but still within retention, then the subject is kept until both ended", async () => {
    world = await sqliteAuditWorld();
    const first = await sharedAndClosed();
    const second = caseScript({ subjectId: first.subjectId });
    await world.run(second.open());
    await world.run(second.close("2026-01-01T00:00:00.000Z")); // no shares: the covenant's longest term, 20 years

    expect((await runRetention(world, AFTER)).subjectsErased).toBe(0);
    const later = await runRetention(world, "2046-01-01T00:00:00.000Z");

    expect(later.subjectsErased).toBe(1);
    const [erased] = await subjectEvents(first.subjectId);
    expect(erased?.data.caseIds).toEqual([first.caseId, second.caseId]);
  });

  test("given the retention was extended, when the job runs after the original end, then the subject is kept until the extension ends", async () => {
    world = await sqliteAuditWorld();
    const script = await sharedAndClosed();
    await world.run(script.extendRetention("2035-01-01T00:00:00.000Z", "2029-06-01T00:00:00.000Z"));

    expect((await runRetention(world, AFTER)).subjectsErased).toBe(0);
    expect((await runRetention(world, "2035-01-01T00:00:00.000Z")).subjectsErased).toBe(1);
  });

  test("given a closed case was reopened, then its retention no longer runs", async () => {
    world = await sqliteAuditWorld();
    const script = await sharedAndClosed();
    await world.run(script.reopen("2026-01-01T00:00:00.000Z"));

    const summary = await runRetention(world, AFTER);

    expect(summary.subjectsErased).toBe(0);
    expect(await subjectEvents(script.subjectId)).toEqual([]);
  });

  test("a second run does nothing: no event written, whether the job is new or the same", async () => {
    world = await sqliteAuditWorld();
    await sharedAndClosed();
    const job = createRetentionJob(world);
    expect((await job.run(AFTER)).subjectsErased).toBe(1);
    const head = await world.store.headPosition();

    const again = await job.run(AFTER);
    const fresh = await runRetention(world, AFTER);

    expect(again).toMatchObject({ subjectsErased: 0, alreadyErased: 0, failures: [] });
    expect(fresh).toMatchObject({ subjectsErased: 0, alreadyErased: 0, failures: [] });
    expect(await world.store.headPosition()).toBe(head);
  });

  test("two jobs racing (two processes) erase the subject once", async () => {
    world = await sqliteAuditWorld();
    const script = await sharedAndClosed();

    const [a, b] = await Promise.all([runRetention(world, AFTER), runRetention(world, AFTER)]);

    expect(a.subjectsErased + b.subjectsErased).toBe(1);
    expect(a.alreadyErased + b.alreadyErased).toBe(1);
    expect(await subjectEvents(script.subjectId)).toHaveLength(1);
  });

  test("the schedule runs at once and then on its interval, and stops", async () => {
    world = await sqliteAuditWorld();
    await sharedAndClosed();
    const runs: number[] = [];

    const stop = startRetentionSchedule(world, {
      intervalMs: 20,
      now: () => AFTER,
      onRun: (summary) => runs.push(summary.subjectsErased),
      onError: (error) => {
        throw error;
      },
    });
    await expect.poll(() => runs.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await stop();
    const stoppedAt = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(runs[0]).toBe(1);
    expect(runs.slice(1).every((erased) => erased === 0)).toBe(true);
    expect(runs.length).toBe(stoppedAt);
  });
});
