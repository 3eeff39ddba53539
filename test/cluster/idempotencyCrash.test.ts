import { randomInt, randomUUID } from "node:crypto";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import type { EventStore } from "../../src/store/eventStore.js";
import { openPostgresEventStore } from "../../src/store/postgres/index.js";
import { openSqliteEventStore } from "../../src/store/sqlite/index.js";
import { readAllPages } from "../store/contract/support.js";
import { type Cluster, startCluster } from "./support/cluster.js";
import {
  type Answer,
  asFirstTime,
  EFFECTS,
  type KeyedPost,
  type Kind,
  keyedPosts,
  type Sent,
  send,
  sendUntilDown,
} from "./support/keyedPosts.js";
import { caseWithWijkteam, tokensFor } from "./support/scenario.js";
import type { ServiceProcess } from "./support/serviceProcess.js";

const CLIENTS = 8;
const CASES = 4;
// 10 trials per store, 20 kills in all. Each costs a process start, about 3.5 s of CPU, so the
// test takes about a minute on two idle cores and much longer on a busy machine.
const TRIALS = 10;

/**
 * Retries one POST. An answered one must replay its answer; one in doubt is sent twice at once,
 * as two impatient retries would, and the pair must agree.
 */
async function retry(service: ServiceProcess, sent: Sent, where: string): Promise<Answer> {
  const what = `${where}: ${sent.post.kind} ${sent.post.options.headers["idempotency-key"]}`;
  if (sent.answer) {
    const again = await send(service, sent.post);
    expect(asFirstTime(again), `${what}: answered before the kill`).toEqual(
      asFirstTime(sent.answer),
    );
    expect(again.replayed, `${what}: replayed`).toBe(true);
    return again;
  }
  const [one, other] = await Promise.all([send(service, sent.post), send(service, sent.post)]);
  expect(one.status, `${what}: ${JSON.stringify(one.body)}`).toBe(201);
  expect(asFirstTime(other), `${what}: concurrent retries`).toEqual(asFirstTime(one));
  expect(one.replayed || other.replayed, `${what}: one of two retries replays`).toBe(true);
  return one;
}

/** Retries every POST of a trial, CLIENTS at a time, and returns the answers. */
async function retryAll(service: ServiceProcess, sent: Sent[], where: string) {
  const answered: { post: KeyedPost; answer: Answer }[] = [];
  for (let start = 0; start < sent.length; start += CLIENTS) {
    const batch = sent.slice(start, start + CLIENTS);
    const answers = await Promise.all(batch.map((entry) => retry(service, entry, where)));
    answered.push(...answers.map((answer, i) => ({ post: batch[i]!.post, answer })));
  }
  return answered;
}

async function crashTrials(cluster: Cluster) {
  const tokens = await tokensFor(cluster);
  let service = cluster.services[0]!;
  const cases: string[] = [];
  for (let n = 0; n < CASES; n++) {
    cases.push((await caseWithWijkteam(cluster, tokens, service, service, n)).caseId);
  }
  const next = keyedPosts(tokens, cases, `crash-${randomUUID()}`);
  const retried: { post: KeyedPost; answer: Answer }[] = [];
  let inDoubt = 0;
  let answered = 0;
  for (let trial = 1; trial <= TRIALS; trial++) {
    // A random point: after some answers, a few milliseconds into the requests then in flight.
    const killAt = { answers: randomInt(0, 3 * CLIENTS), ms: randomInt(0, 40) };
    const load = sendUntilDown(service, CLIENTS, next);
    await load.answered(killAt.answers);
    await sleep(killAt.ms);
    await service.stop("SIGKILL");
    const sent = await load.stopped;
    for (const entry of sent.filter((e) => e.answer)) {
      expect(entry.answer!.status, JSON.stringify(entry.answer!.body)).toBe(201);
    }
    inDoubt += sent.filter((e) => !e.answer).length;
    answered += sent.filter((e) => e.answer).length;
    service = await cluster.start(`restart ${trial}`);
    const where = `trial ${trial}, killed ${killAt.ms} ms after ${killAt.answers} answers`;
    retried.push(...(await retryAll(service, sent, where)));
  }
  await service.stop("SIGTERM");
  return { retried, inDoubt, answered, setupCases: cases.length };
}

/** Each POST's id appears in exactly one event of its kind, and there are no others. */
function expectEachOnce(
  events: { type: string; data: Record<string, unknown> }[],
  retried: { post: KeyedPost; answer: Answer }[],
  setupCases: number,
) {
  for (const kind of Object.keys(EFFECTS) as Kind[]) {
    const { idField, event } = EFFECTS[kind];
    const recorded = events.filter((e) => e.type === event).map((e) => String(e.data[idField]));
    const posts = retried.filter((r) => r.post.kind === kind);
    const extra = kind === "open" ? setupCases : 0;
    expect(recorded.length, `${event} events for ${posts.length} POSTs`).toBe(posts.length + extra);
    for (const { answer } of posts) {
      const id = String(answer.body?.[idField]);
      expect(
        recorded.filter((r) => r === id),
        `${event} ${id}`,
      ).toHaveLength(1);
    }
  }
}

async function everyEvent(open: () => Promise<EventStore>) {
  const store = await open();
  try {
    return await readAllPages(store, 0n, 1000);
  } finally {
    await store.close();
  }
}

describe.concurrent("Idempotency-Key across a crash (SIGKILL)", () => {
  test.each(["sqlite", "postgres"] as const)(
    "given %s and keyed POSTs from 8 clients to a service killed at random points, when every POST is retried after the restart, then each answers as the first time and took effect exactly once",
    async (store) => {
      const cluster = await startCluster(1, { STORE: store, LOG_LEVEL: "error" });
      try {
        const { retried, inDoubt, answered, setupCases } = await crashTrials(cluster);
        const events = await everyEvent(async () =>
          store === "sqlite"
            ? openSqliteEventStore(join(cluster.dataDir, "casustafel.sqlite"))
            : openPostgresEventStore(cluster.databaseUrl),
        );

        // Both kinds were retried: POSTs answered before a kill, and POSTs in flight at one.
        expect(answered).toBeGreaterThan(0);
        expect(inDoubt).toBeGreaterThanOrEqual(TRIALS);
        expectEachOnce(events, retried, setupCases);
      } finally {
        await cluster.close();
      }
    },
    600_000,
  );
});
