/** One measured figure, printed as one JSON line. */
export interface Figure {
  name: string;
  value: number;
  unit: "ev/s" | "req/s" | "ms" | "µs" | "%" | "cores" | "events" | "count" | "ratio" | "MB";
}

/** The q-quantile (0..1) of latencies in milliseconds. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The middle of unsorted samples (the upper middle of an even count). */
export const median = (samples: readonly number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );

export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));
