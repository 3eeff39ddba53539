/** One request's outcome inside a batch: a value, or the error that fails only that request. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Group commit: requests that arrive while a flush is running are queued and flushed together
 * in the next one, so many concurrent writers share one durable commit. `flush` must settle
 * each request on its own, so one failing request never fails its neighbours.
 */
export function groupCommit<Req, Res>(
  flush: (batch: Req[]) => Promise<Settled<Res>[]> | Settled<Res>[],
  maxBatch = 512,
): (request: Req) => Promise<Res> {
  let queue: { request: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }[] = [];
  let running = false;

  const run = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((b) => b.request));
        batch.forEach((b, i) => {
          const result = results[i];
          if (result?.ok) b.resolve(result.value);
          else b.reject(result ? result.error : new Error("group commit returned no result"));
        });
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    running = false;
  };

  return (request) =>
    new Promise<Res>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      if (!running) {
        running = true;
        setImmediate(() => void run());
      }
    });
}
