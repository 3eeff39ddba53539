import { HttpProblem } from "../problems.js";

/** Resolves true once the read models have applied `position`, or false after `timeoutMs`. */
export type WaitForPosition = (position: bigint, timeoutMs: number) => Promise<boolean>;

const RETRY_AFTER_SECONDS = 1;

export function parseMinPosition(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  if (!/^\d{1,20}$/.test(header.trim())) {
    throw new HttpProblem("validation", "Min-Position must be a non-negative integer", {
      errors: [{ in: "header", path: "Min-Position", message: "expected a non-negative integer" }],
    });
  }
  return BigInt(header.trim());
}

/**
 * Read-your-writes: waits up to `maxWaitMs` for the projector to reach the position.
 * If it does not, the answer is 503 with Retry-After rather than a stale read, because a
 * client that sends Min-Position has said that an older view would mislead it.
 */
export async function awaitMinPosition(
  header: string | undefined,
  waitForPosition: WaitForPosition | undefined,
  maxWaitMs: number,
): Promise<void> {
  const position = parseMinPosition(header);
  if (position === undefined || !waitForPosition) return;
  if (await waitForPosition(position, maxWaitMs)) return;
  throw new HttpProblem(
    "not_yet_consistent",
    "The read models have not reached the requested position yet; retry shortly",
    {},
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );
}
