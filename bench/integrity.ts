// What the integrity watch costs the write path: 32 concurrent appenders while a subscriber
// follows the store as the projector does, handing each event to the live check or not
// (interleaved, twice each), then with sweeps over the whole store running back to back,
// the worst case of a sweep schedule.
import { randomUUID } from "node:crypto";
import type { EventStore } from "../src/store/eventStore.js";
import { createIntegrityWatch, type IntegrityWatch } from "../src/store/integrityWatch.js";
import { type Figure, quantile, round } from "./figure.js";
import { adapters, appendFor, type BenchAdapter, signalEvent } from "./store.js";

const STREAMS = Number(process.env.BENCH_INTEGRITY_STREAMS ?? 1_000);
const EVENTS_PER_STREAM = 100;
const ROUNDS = 2;

function watching(store: EventStore, broken: string[]): IntegrityWatch {
  return createIntegrityWatch({
    store,
    sweepIntervalMs: 3_600_000,
    onBroken: (link) => broken.push(link.streamId),
    onRestored: () => {},
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Appends by 32 writers while a subscriber follows, as the projector would (without it the
 * live check has no feed): events/s, latencies, and this process's CPU per appended event.
 */
async function appendPhase(store: EventStore, watch?: IntegrityWatch) {
  const follower = store.subscribe((event) => watch?.check(event), {
    fromPosition: await store.headPosition(),
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { rate, latencies } = await appendFor(store, 32, 1);
  const events = (rate * (performance.now() - started)) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  await follower.stop();
  latencies.sort((a, b) => a - b);
  return {
    rate,
    cpuPerEvent: (user + system) / events,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

type Phase = Awaited<ReturnType<typeof appendPhase>>;
const mean = (phases: Phase[], pick: (phase: Phase) => number) =>
  phases.reduce((sum, phase) => sum + pick(phase), 0) / phases.length;

async function* measure(adapter: BenchAdapter): AsyncIterable<Figure> {
  const { store, dispose } = await adapter.open();
  const figure = (measure: string, value: number, unit: Figure["unit"]): Figure => ({
    name: `integrity.${adapter.name}.${measure}`,
    value: round(value, unit === "ms" ? 3 : 0),
    unit,
  });
  const phaseFigures = function* (label: string, phases: Phase[]) {
    yield figure(
      `${label}.append_concurrent32`,
      mean(phases, (p) => p.rate),
      "ev/s",
    );
    yield figure(
      `${label}.cpu_per_event`,
      mean(phases, (p) => p.cpuPerEvent),
      "µs",
    );
    yield figure(
      `${label}.append_p50`,
      mean(phases, (p) => p.p50),
      "ms",
    );
    yield figure(
      `${label}.append_p99`,
      mean(phases, (p) => p.p99),
      "ms",
    );
  };
  const broken: string[] = [];
  const watches: IntegrityWatch[] = [];
  try {
    for (let s = 0; s < STREAMS; s++) {
      const events = Array.from({ length: EVENTS_PER_STREAM }, (_, n) => signalEvent(n));
      await store.append(`case-${randomUUID()}`, events);
    }
    const sweeping = watching(store, broken);
    watches.push(sweeping);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await sweeping.sweep();
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    yield figure("sweep", (STREAMS * EVENTS_PER_STREAM) / seconds, "ev/s");
    yield figure("sweep_cpu_per_event", (user + system) / (STREAMS * EVENTS_PER_STREAM), "µs");

    await appendFor(store, 4, 10);
    const bare: Phase[] = [];
    const live: Phase[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await appendPhase(store));
      const watch = watching(store, broken);
      watches.push(watch);
      watch.start();
      await watch.sweep();
      live.push(await appendPhase(store, watch));
      await watch.stop();
    }
    yield* phaseFigures("no_watch", bare);
    yield* phaseFigures("live_check", live);

    const watch = watching(store, broken);
    watches.push(watch);
    watch.start();
    let sweepAgain = true;
    const sweeps = (async () => {
      while (sweepAgain) await watch.sweep();
    })();
    yield* phaseFigures("live_check_and_sweeping", [await appendPhase(store, watch)]);
    sweepAgain = false;
    await sweeps;
    if (broken.length > 0) throw new Error(`the bench's own store reported broken: ${broken}`);
  } finally {
    for (const watch of watches) await watch.stop();
    await dispose();
  }
}

/** Measures every adapter, or those named in BENCH_ADAPTERS (comma-separated). */
export async function* run(): AsyncIterable<Figure> {
  const only = process.env.BENCH_ADAPTERS?.split(",");
  for (const adapter of adapters) {
    if (!only || only.includes(adapter.name)) yield* measure(adapter);
  }
}
