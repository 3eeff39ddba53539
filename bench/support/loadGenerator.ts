import { createRequire } from "node:module";

// autocannon ships no types; these are the parts of its documented API the benches use.
export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

export interface LoadOptions {
  /** Several targets: connection i goes to url[i % url.length] (round-robin). */
  url: string | string[];
  connections: number;
  duration: number;
  requests: LoadRequest[];
  timeout?: number;
}

export interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number; average: number };
  latency: { average: number; p50: number; p99: number; max: number };
  statusCodeStats: Record<string, { count: number }>;
}

const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: LoadOptions,
) => PromiseLike<LoadResult>;

/** Runs the load to its end and returns autocannon's totals (latencies in ms). */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  return await autocannon(options);
}
