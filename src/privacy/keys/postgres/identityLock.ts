import type pg from "pg";
import { type IdentityLock, inProcessIdentityLock } from "../../identity/identityLock.js";

/**
 * The lock across processes that share one PostgreSQL database: a session advisory lock per
 * key, on a connection of the lock's own pool, so a holder never waits for a connection its
 * own work needs. Within the process the keys are queued first, so waiters hold no connection.
 */
export function postgresIdentityLock(pool: pg.Pool): IdentityLock {
  const local = inProcessIdentityLock();
  return {
    hold: (keys, work) =>
      local.hold(keys, async () => {
        const sorted = [...new Set(keys)].sort();
        if (sorted.length === 0) return work();
        const client = await pool.connect();
        let broken: unknown;
        try {
          for (const key of sorted) {
            await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
          }
          return await work();
        } finally {
          // Unlocking all at once also releases keys taken before a failure.
          await client.query("SELECT pg_advisory_unlock_all()").catch((error: unknown) => {
            broken = error;
          });
          client.release(broken instanceof Error ? broken : undefined);
        }
      }),
  };
}
