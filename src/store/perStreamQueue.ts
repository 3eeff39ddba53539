/** Runs work for one stream after the work queued before it for that stream, whatever its outcome. */
export type PerStreamQueue = <T>(streamId: string, work: () => Promise<T>) => Promise<T>;

/**
 * Work on one stream runs one piece at a time, in arrival order; different streams run side
 * by side. A stream's entry is dropped once its queue is empty, so idle streams cost nothing.
 */
export function perStreamQueue(): PerStreamQueue {
  const tails = new Map<string, Promise<unknown>>();
  return (streamId, work) => {
    const previous = tails.get(streamId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => {});
    tails.set(streamId, settled);
    settled.then(() => {
      if (tails.get(streamId) === settled) tails.delete(streamId);
    });
    return next;
  };
}
