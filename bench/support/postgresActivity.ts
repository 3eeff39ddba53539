import type pg from "pg";

/** How many of our database's connections were, on average over the samples, in each state. */
export interface PostgresActivity {
  samples: number;
  /** Running a statement and not waiting (CPU, or waits other than below). */
  active: number;
  /** Waiting for the append lock (an advisory lock) another connection holds. */
  waitingForAppendLock: number;
  /** Waiting for WAL to be written or flushed (the commit's fsync). */
  waitingForWal: number;
  /** Inside a transaction, waiting for the service to send the next statement. */
  idleInTransaction: number;
}

/** Samples pg_stat_activity every `everyMs` until the returned stop function is called. */
export function samplePostgresActivity(client: pg.Client, database: string, everyMs: number) {
  const totals: PostgresActivity = {
    samples: 0,
    active: 0,
    waitingForAppendLock: 0,
    waitingForWal: 0,
    idleInTransaction: 0,
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{
        state: string;
        type: string | null;
        event: string | null;
      }>(
        `SELECT state, wait_event_type AS type, wait_event AS event FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [database],
      );
      totals.samples++;
      for (const { state, type, event } of rows) {
        if (state === "idle in transaction") totals.idleInTransaction++;
        else if (state !== "active") continue;
        else if (type === "Lock" && event === "advisory") totals.waitingForAppendLock++;
        else if (type === "IO" && event?.startsWith("WAL")) totals.waitingForWal++;
        else if (type === "LWLock" && event?.startsWith("WAL")) totals.waitingForWal++;
        else totals.active++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async (): Promise<PostgresActivity> => {
    stopped = true;
    await loop;
    const per = (count: number) => (totals.samples === 0 ? 0 : count / totals.samples);
    return {
      samples: totals.samples,
      active: per(totals.active),
      waitingForAppendLock: per(totals.waitingForAppendLock),
      waitingForWal: per(totals.waitingForWal),
      idleInTransaction: per(totals.idleInTransaction),
    };
  };
}
