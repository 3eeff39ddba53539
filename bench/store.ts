// Event store throughput and latency, the same measures for every adapter, durable commits.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newEventId } from "../src/store/eventIds.js";
import type { EventStore } from "../src/store/eventStore.js";
import { openPostgresEventStore } from "../src/store/postgres/index.js";
import { openSqliteEventStore } from "../src/store/sqlite/index.js";
import type { NewEvent } from "../src/store/types.js";
import { type Figure, quantile, round } from "./figure.js";
import { benchDatabase } from "./support/postgres.js";

export interface BenchAdapter {
  name: string;
  /** Opens an empty store; `dispose` closes it and removes what it created. */
  open(): Promise<{ store: EventStore; dispose(): Promise<void> }>;
}

export const adapters: BenchAdapter[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "casustafel-bench-"));
      const store = openSqliteEventStore(join(dir, "events.db"));
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    async open() {
      const database = await benchDatabase();
      const store = await openPostgresEventStore(database.url);
      return {
        store,
        async dispose() {
          await store.close();
          await database.dispose();
        },
      };
    },
  },
];

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const TEXT =
  "Leerling verzuimt sinds de herfstvakantie structureel op maandag en dinsdag; mentor en " +
  "leerplicht hebben contact gehad met ouders, afspraak gemaakt voor een gesprek met de " +
  "jongere op school, wijkteam wordt gevraagd aan te sluiten bij het volgende overleg.";

/** A realistic event: about 400 bytes of JSON, like a recorded signal. */
export function signalEvent(n: number): NewEvent {
  return {
    eventId: newEventId(),
    type: "SignalRecorded",
    data: { signalId: randomUUID(), category: "verzuim", school: "brin-12AB", n, text: TEXT },
    metadata: {
      actor: { userId: "u-4711", organisationId: "org-leerplicht", role: "professional" },
      correlationId: randomUUID(),
    },
  };
}

/** Runs `appender` with `writers` concurrent loops for SECONDS; returns events/s and latencies. */
export async function appendFor(
  store: EventStore,
  writers: number,
  eventsPerAppend: number,
): Promise<{ rate: number; latencies: number[] }> {
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const streamId = `bench-${randomUUID()}`;
      let revision = -1;
      while (performance.now() < deadline) {
        const batch = Array.from({ length: eventsPerAppend }, (_, i) => signalEvent(revision + i));
        const t0 = performance.now();
        const result = await store.append(streamId, batch, {
          expectedRevision: revision < 0 ? "no_stream" : revision,
        });
        latencies.push(performance.now() - t0);
        revision = result.nextRevision;
        events += eventsPerAppend;
      }
    }),
  );
  return { rate: events / ((performance.now() - started) / 1000), latencies };
}

async function readRate(read: () => Promise<number>): Promise<number> {
  const started = performance.now();
  let events = 0;
  do events += await read();
  while (performance.now() - started < SECONDS * 500);
  return events / ((performance.now() - started) / 1000);
}

async function* measure(adapter: BenchAdapter): AsyncIterable<Figure> {
  const { store, dispose } = await adapter.open();
  const figure = (measure: string, value: number, unit: Figure["unit"]): Figure => ({
    name: `store.${adapter.name}.${measure}`,
    value: round(value, unit === "ms" ? 3 : 0),
    unit,
  });
  try {
    await appendFor(store, 4, 10);
    const single = await appendFor(store, 1, 1);
    single.latencies.sort((a, b) => a - b);
    yield figure("append_single", single.rate, "ev/s");
    yield figure("append_single_p50", quantile(single.latencies, 0.5), "ms");
    yield figure("append_single_p99", quantile(single.latencies, 0.99), "ms");
    yield figure("append_concurrent32", (await appendFor(store, 32, 1)).rate, "ev/s");
    yield figure("append_batch100", (await appendFor(store, 1, 100)).rate, "ev/s");

    const streamId = `bench-read-${randomUUID()}`;
    for (let i = 0; i < 10; i++) {
      await store.append(
        streamId,
        Array.from({ length: 1000 }, (_, n) => signalEvent(n)),
      );
    }
    yield figure("read_stream", await readRate(() => readWholeStream(store, streamId)), "ev/s");
    yield figure("read_all", await readRate(() => readEverything(store)), "ev/s");
  } finally {
    await dispose();
  }
}

async function readWholeStream(store: EventStore, streamId: string): Promise<number> {
  let count = 0;
  for (;;) {
    const page = await store.readStream(streamId, { from: count, limit: 1000 });
    count += page.length;
    if (page.length < 1000) return count;
  }
}

async function readEverything(store: EventStore): Promise<number> {
  let count = 0;
  let fromPosition = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition, limit: 1000 });
    count += page.length;
    if (page.length < 1000) return count;
    fromPosition = page[page.length - 1]!.position;
  }
}

/** Measures every adapter, or those named in BENCH_ADAPTERS (comma-separated). */
export async function* run(): AsyncIterable<Figure> {
  const only = process.env.BENCH_ADAPTERS?.split(",");
  for (const adapter of adapters) {
    if (!only || only.includes(adapter.name)) yield* measure(adapter);
  }
}
