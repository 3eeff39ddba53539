import autocannon, { type Request } from "autocannon";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 50;

/** Round-robin over the cases, so concurrent share posts rarely contend for one stream. */
export function roundRobin(paths: string[]) {
  let next = 0;
  return (request: Request) => ({ ...request, path: paths[next++ % paths.length] });
}

/** 50 connections for BENCH_HTTP_SECONDS; any error or non-2xx answer fails the bench. */
export async function load(url: string, request: Request) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [request],
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return result;
}
