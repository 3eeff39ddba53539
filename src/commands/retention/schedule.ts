import { createRetentionJob, type RetentionDeps, type RetentionSummary } from "./job.js";

export interface RetentionScheduleOptions {
  intervalMs: number;
  /** Called after every run, e.g. to log the (PII-free) summary. */
  onRun?: (summary: RetentionSummary) => void;
  /** Called when a run fails as a whole (the store unreachable); the schedule keeps going. */
  onError?: (error: unknown) => void;
  /** The clock; tests replace it. */
  now?: () => string;
}

/**
 * Runs the retention job now and then every `intervalMs`, one run at a time. Returns a
 * stop function that cancels the next run and waits for the current one to finish.
 */
export function startRetentionSchedule(
  deps: RetentionDeps,
  options: RetentionScheduleOptions,
): () => Promise<void> {
  const job = createRetentionJob(deps);
  const now = options.now ?? (() => new Date().toISOString());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = () => {
    current = job
      .run(now())
      .then((summary) => options.onRun?.(summary))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, options.intervalMs);
        // The schedule alone never keeps the process alive.
        timer.unref();
      });
  };
  tick();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
